/**
 * "3 replicas, 50 repositories": the same pushes handled by one process
 * (no database) and by three replicas sharing a Postgres the bench starts,
 * against the emulator. Deliveries handled per emulated minute, and the
 * emulated time next to the floor GitHub's secondary limits allow for the
 * issues, comments and labels made. Prints one JSON line.
 * Usage: node --import tsx bench/measure-replicas.ts
 */
import { pushPayload } from "../emulator/payloads.js";
import { startEmulator } from "../emulator/server.js";
import { startApp, type RunningApp } from "../emulator/start-app.js";
import { SECONDARY_LIMITS } from "../emulator/emulator.js";
import { startPostgres } from "../test/support/postgres.js";
import { fewestMinutes } from "./fewest-minutes.js";

/** One setup's figures. */
export interface ReplicaFigures {
  name: string;
  deliveries: number;
  seconds: number;
  emulatedMinutes: number;
  perEmulatedMinute: number;
  creations: number;
  floorMinutes: number;
}

const REPOSITORIES = 50;
const ROUNDS = 4;
const SECRET = "bench-secret";

function document(r: number, round: number): string {
  const parts = ["# Ideas", "", "## Projects", ""];
  for (let i = 0; i < 3 + round; i += 1)
    parts.push(`### Repository ${r} idea ${i}`, "", `Idea ${i}, revision ${round}.`, "");
  return parts.join("\n");
}

async function measure(
  name: string,
  replicas: number,
  databaseUrl?: string,
): Promise<ReplicaFigures> {
  const github = await startEmulator();
  const apps: RunningApp[] = [];
  for (let n = 0; n < replicas; n += 1)
    apps.push(
      await startApp(github, {
        secret: SECRET,
        ...(databaseUrl ? { env: { DATABASE_URL: databaseUrl } } : {}),
      }),
    );
  const start = github.emulator.now();
  const began = performance.now();
  let sent = 0;
  for (let round = 0; round < ROUNDS; round += 1)
    for (let r = 0; r < REPOSITORIES; r += 1) {
      // A repository name GitHub would take: the setup's name without spaces or commas.
      const repo = github.emulator.repository(
        "bench",
        `repo-${name.replace(/[^A-Za-z0-9]+/g, "-")}-${r}`,
      );
      const before = repo.branches.get("main") ?? null;
      const after = repo.commit({
        ".github/ideas-sync.yml": "documents:\n  - path: doc/ideas.md\n",
        "doc/ideas.md": document(r, round),
      });
      const delivery = pushPayload(repo, {
        before,
        after,
        commits: [{ sha: after, parent: before }],
      });
      github.connect((apps[sent % apps.length] as RunningApp).url, SECRET);
      await github.deliver(delivery.name, delivery.payload);
      sent += 1;
    }
  await (apps[0] as RunningApp).idle();
  for (const app of apps) await app.idle();
  const seconds = (performance.now() - began) / 1000;
  const emulatedMinutes = (github.emulator.now() - start) / 60_000;
  const creations = github.emulator.log.filter(
    (entry) =>
      entry.method === "POST" &&
      /\/(issues|comments|labels)$/.test(entry.path) &&
      entry.status === 201,
  ).length;
  for (const app of apps) await app.stop();
  await github.close();
  return {
    name,
    deliveries: sent,
    seconds,
    emulatedMinutes,
    perEmulatedMinute: sent / Math.max(emulatedMinutes, 1 / 60),
    creations,
    floorMinutes: fewestMinutes(creations, SECONDARY_LIMITS),
  };
}

const one = await measure("1 process, 50 repositories", 1);
const postgres = await startPostgres();
let three: ReplicaFigures;
try {
  three = await measure("3 replicas, 50 repositories", 3, await postgres.database("bench"));
} finally {
  await postgres.stop();
}
process.stdout.write(JSON.stringify({ replicas: [one, three] }) + "\n");
