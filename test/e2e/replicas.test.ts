/**
 * Three app processes (the real server entry) share one Postgres and the
 * emulator: 50 repositories with a document each get 200 pushes, delivered
 * round-robin to the replicas as a load balancer would, with duplicates
 * (the same delivery id again, to another replica) and a push delivered
 * after a newer one. One replica is killed with SIGKILL while it syncs and
 * started again. In the end every repository's issues are its head
 * revision's ideas, no issue or comment was made twice, every delivery was
 * stored, no job is left, and the installation never wrote while GitHub had
 * told it to wait.
 */
import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EmulatedRepository } from "../../emulator/emulator.js";
import { pushPayload, type Delivery } from "../../emulator/payloads.js";
import { startEmulator, type RunningEmulator } from "../../emulator/server.js";
import { startApp, type RunningApp } from "../../emulator/start-app.js";
import { startPostgres, type RunningPostgres } from "../support/postgres.js";

const CONFIG = ".github/ideas-sync.yml";
const DOC = "doc/ideas.md";
const REPOSITORIES = 50;
const ROUNDS = 4;
const SECRET = "replicas-secret";

let postgres: RunningPostgres;
let github: RunningEmulator;
let databaseUrl: string;
let db: pg.Client;
const replicas: RunningApp[] = [];
/** Pushes delivered late: after the newer push of the same repository. */
const heldBack: Array<{ r: number; delivery: Delivery }> = [];

beforeAll(async () => {
  postgres = await startPostgres();
  databaseUrl = await postgres.database("replicas");
  github = await startEmulator();
  for (let n = 0; n < 3; n += 1) replicas.push(await startReplica());
  db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
}, 90_000);

afterAll(async () => {
  await db?.end();
  for (const app of replicas) await app.stop();
  await github?.close();
  await postgres?.stop();
}, 60_000);

function startReplica(): Promise<RunningApp> {
  return startApp(github, {
    secret: SECRET,
    env: { DATABASE_URL: databaseUrl, IDEAS_SYNC_SWEEP_SECONDS: "1" },
  });
}

/** Revision `round` of repository `r`: ideas added, renamed, removed and edited. */
function revision(r: number, round: number): { titles: string[]; text: string } {
  const ideas = [
    { id: 1, title: `Repository ${r} first idea`, text: "The first idea." },
    { id: 2, title: `Repository ${r} second idea`, text: "The second idea." },
    { id: 3, title: `Repository ${r} third idea`, text: "The third idea." },
  ];
  if (round >= 1) {
    ideas[1] = { id: 2, title: `Repository ${r} second idea, renamed`, text: "The second idea." };
    ideas.push({ id: 4, title: `Repository ${r} fourth idea`, text: "Added in round one." });
  }
  if (round >= 2) {
    ideas.splice(2, 1);
    ideas.push({ id: 5, title: `Repository ${r} fifth idea`, text: "Added in round two." });
  }
  if (round >= 3) {
    ideas[0] = { id: 1, title: `Repository ${r} first idea`, text: "The first idea, edited." };
    ideas.push({ id: 6, title: `Repository ${r} sixth idea`, text: "Added in round three." });
  }
  const parts = ["# Ideas", "", "## Projects", ""];
  for (const idea of ideas) parts.push(`### ${idea.title}`, "", `${idea.text}`, "");
  return { titles: ideas.map((idea) => idea.title), text: parts.join("\n") };
}

/** A seeded generator (Park–Miller): the same order every run. */
function generator(seed: number) {
  let state = seed % 2147483646 || 1;
  return () => (state = (state * 48271) % 2147483647) / 2147483647;
}

describe("three replicas on one Postgres", () => {
  it("sync 50 repositories through 200 pushes, one replica killed mid-sync, with nothing lost or doubled", async () => {
    const seed = Number(process.env.IDEAS_SYNC_SEED ?? 20261201);
    console.log(`replicas: IDEAS_SYNC_SEED=${seed}`);
    const random = generator(seed);
    const repositories: EmulatedRepository[] = [];
    const heads: string[][] = [];
    for (let r = 0; r < REPOSITORIES; r += 1)
      repositories.push(github.emulator.repository("fleet", `repo-${String(r).padStart(2, "0")}`));

    let turn = 0;
    const statuses: number[] = [];
    const ids = new Set<string>();
    let killed: { at: number; replica: number } | null = null;
    /** Delivers to the next live replica, as a load balancer would. */
    const send = async (delivery: Delivery, id: string) => {
      for (;;) {
        const target = replicas[turn % replicas.length] as RunningApp;
        turn += 1;
        if (target.process.exitCode !== null || target.process.signalCode !== null) continue;
        github.connect(target.url, SECRET);
        statuses.push(await github.deliver(delivery.name, delivery.payload, { id }));
        ids.add(id);
        return;
      }
    };

    for (let round = 0; round < ROUNDS; round += 1) {
      const batch: Array<{ r: number; delivery: Delivery }> = [];
      for (let r = 0; r < REPOSITORIES; r += 1) {
        const repo = repositories[r] as EmulatedRepository;
        const { titles, text } = revision(r, round);
        heads[r] = titles;
        const before = repo.branches.get("main") ?? null;
        // Idea issues only: the dashboard has tests of its own.
        const after = repo.commit({
          ...(round === 0
            ? {
                [CONFIG]: `documents:\n  - path: ${DOC}\n    tracking-label: idea\n    dashboard: false\n`,
              }
            : {}),
          [DOC]: text,
        });
        batch.push({
          r,
          delivery: pushPayload(repo, {
            before,
            after,
            branch: "main",
            commits: [{ sha: after, parent: before }],
          }),
        });
      }
      // Out of order: the repositories in a shuffled order, and every fifth
      // repository's push of round two held back until after round three's.
      batch.sort(() => random() - 0.5);
      for (const { r, delivery } of batch) {
        if (round === 2 && r % 5 === 0) continue;
        const id = randomUUID();
        await send(delivery, id);
        // Every seventh delivery comes again, to another replica.
        if (statuses.length % 7 === 0) await send(delivery, id);
      }
      if (round === 3) for (const { delivery } of heldBack) await send(delivery, randomUUID());
      if (round === 2) heldBack.push(...batch.filter(({ r }) => r % 5 === 0));

      if (round === 1) {
        // Kill the replica that runs a sync right now, in the middle of its writes.
        const writes = () => github.emulator.log.filter((entry) => entry.method === "POST").length;
        const deadline = Date.now() + 60_000;
        let holder: number | null = null;
        while (holder === null && Date.now() < deadline) {
          const start = writes();
          const { rows } = await db.query<{ pid: string }>(
            `select split_part(w.replica, '/', 2) as pid
               from graphile_worker.jobs j join ideas_sync.workers w on w.worker_id = j.locked_by
              where j.locked_at is not null`,
          );
          await new Promise((resolve) => setTimeout(resolve, 30));
          const pid = rows[0]?.pid;
          const index = replicas.findIndex((app) => String(app.process.pid) === pid);
          if (index >= 0 && writes() > start) holder = index;
        }
        expect(holder).not.toBeNull();
        const victim = replicas[holder as number] as RunningApp;
        victim.process.kill("SIGKILL");
        await new Promise((resolve) => victim.process.once("exit", resolve));
        killed = { at: github.emulator.log.length, replica: holder as number };
        replicas[holder as number] = await startReplica();
      }
    }

    await (replicas[0] as RunningApp).idle();

    // Every delivery was taken (stored) and is handled: none left, none failed.
    expect(statuses.every((status) => status === 200)).toBe(true);
    expect(ids.size).toBe(REPOSITORIES * ROUNDS);
    const stored = await db.query<{ n: number }>(
      "select count(*)::int as n from ideas_sync.deliveries",
    );
    expect(stored.rows[0]?.n).toBe(ids.size);
    const left = await db.query<{ n: number }>(
      "select count(*)::int as n from graphile_worker.jobs",
    );
    expect(left.rows[0]?.n).toBe(0);
    expect(killed).not.toBeNull();

    for (let r = 0; r < REPOSITORIES; r += 1) {
      const repo = repositories[r] as EmulatedRepository;
      const open = repo.issues.filter(
        (issue) => issue.state === "open" && issue.labels.includes("idea"),
      );
      expect(open.map((issue) => issue.title).sort(), repo.fullName).toEqual(
        [...(heads[r] as string[])].sort(),
      );
      // No issue made twice: each idea has one, under whatever title it last had.
      const titles = repo.issues.map((issue) => issue.title);
      expect(new Set(titles).size, repo.fullName).toBe(titles.length);
      // Coalesced pushes may skip a revision: an idea removed before its
      // repository was first synced never needs an issue. None is made twice.
      const ever = new Set([0, 1, 2, 3].flatMap((round) => revision(r, round).titles));
      expect(
        titles.filter((title) => !ever.has(title)),
        repo.fullName,
      ).toEqual([]);
      expect(repo.issues.length, repo.fullName).toBeLessThanOrEqual(ever.size);
      for (const issue of repo.issues) {
        const bodies = issue.comments.map((comment) => comment.body);
        expect(new Set(bodies).size, `${repo.fullName}#${issue.number}`).toBe(bodies.length);
      }
      expect(repo.checkRuns.at(-1)?.conclusion, repo.fullName).toBe("success");
    }
    // One installation: its writes never overlapped a wait GitHub asked for,
    // and no request was refused twice.
    expect(github.emulator.ignoredRetryAfter).toEqual([]);
    expect(Math.max(0, ...github.emulator.refusals.values())).toBeLessThanOrEqual(1);
    expect(github.emulator.violations).toEqual([]);
  }, 300_000);
});
