/**
 * The API economy: requests the app makes per scenario, measured through
 * the emulator with the app running as its own process, next to the fewest
 * issue and label writes each scenario needs. Prints one JSON line.
 * Usage: node --import tsx bench/measure-api.ts
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { replayThroughApp } from "../demo/replay-through-app.js";
import type { EmulatedRepository } from "../emulator/emulator.js";
import { startEmulator } from "../emulator/server.js";
import { startApp } from "../emulator/start-app.js";
import { parseConfig } from "../src/config/parse-config.js";
import { readDocument } from "../src/document/read-document.js";
import { fewestMinutes } from "./fewest-minutes.js";
import { generateGoshDocument } from "./generate-gosh-document.js";
import { minimumReplayWrites, type CorpusTransition } from "./minimum-replay-writes.js";
import { SECONDARY_LIMITS } from "../emulator/emulator.js";

/** One scenario's figures. */
export interface Scenario {
  name: string;
  requests: number;
  reads: number;
  /** Issue, comment and label writes. */
  writes: number;
  /** Check run writes (creating one, or adding annotations past 50). */
  checkRunWrites: number;
  /** Check runs created. */
  checkRuns: number;
  /** Writes that are neither of the above nor token exchanges. */
  otherWrites: number;
  minimumWrites: number;
  /** Requests GitHub refused for its secondary limits. */
  refusals: number;
  /** Time by the emulator's clock, which moves when the app waits. */
  emulatedMinutes: number;
  /** Content created: issues, comments and labels. */
  creations: number;
  /** The fewest minutes GitHub's secondary limits allow for those creations. */
  floorMinutes: number;
  seconds: number;
}

const root = resolve(fileURLToPath(new URL("..", import.meta.url)));
const genode = join(
  process.env.IDEAS_SYNC_SHARED ?? resolve(root, "../shared"),
  "corpus/genode-challenges",
);
const DOC = "doc/ideas.txt";
const CONFIG = ".github/ideas-sync.yml";
// The dashboard's write is not one of the idea issues' writes these
// figures hold to their minimum: it is turned off here.
const config = (path: string) =>
  `max-writes: 1000\ndocuments:\n  - path: ${path}\n    dashboard: false\n`;

const github = await startEmulator();
const app = await startApp(github);
const scenarios: Scenario[] = [];

// Issue and label writes: what a sync exists to make. Check runs and token
// exchanges are requests too, counted in `requests`.
const ISSUE_WRITE = /^\/repos\/[^/]+\/[^/]+\/(issues(\/\d+(\/comments)?)?|labels)(\?|$)/;
const CHECK_RUN_WRITE = /^\/repos\/[^/]+\/[^/]+\/check-runs(\/\d+)?(\?|$)/;
const TOKEN = /^\/app\/installations\/\d+\/access_tokens(\?|$)/;
const CREATION = /^\/repos\/[^/]+\/[^/]+\/(issues|issues\/\d+\/comments|labels)(\?|$)/;
const refusals = () => [...github.emulator.refusals.values()].reduce((sum, n) => sum + n, 0);

async function measure(name: string, minimumWrites: number, act: () => Promise<void>) {
  const from = github.emulator.log.length;
  const refusedBefore = refusals();
  const clock = github.emulator.now();
  const start = performance.now();
  await act();
  await app.idle();
  const seconds = (performance.now() - start) / 1000;
  const log = github.emulator.log.slice(from);
  const writes = log.filter((r) => r.method !== "GET");
  const creations = writes.filter(
    (r) => r.method === "POST" && CREATION.test(r.path) && r.status === 201,
  ).length;
  scenarios.push({
    name,
    requests: log.length,
    reads: log.length - writes.length,
    writes: writes.filter((r) => ISSUE_WRITE.test(r.path)).length,
    checkRunWrites: writes.filter((r) => CHECK_RUN_WRITE.test(r.path)).length,
    checkRuns: writes.filter((r) => r.method === "POST" && CHECK_RUN_WRITE.test(r.path)).length,
    otherWrites: writes.filter(
      (r) => !ISSUE_WRITE.test(r.path) && !CHECK_RUN_WRITE.test(r.path) && !TOKEN.test(r.path),
    ).length,
    minimumWrites,
    refusals: refusals() - refusedBefore,
    emulatedMinutes: (github.emulator.now() - clock) / 60_000,
    creations,
    floorMinutes: fewestMinutes(creations, SECONDARY_LIMITS),
    seconds: Number(seconds.toFixed(3)),
  });
}

const sectionsOf = (text: string) =>
  readDocument(text, { format: "gosh" }).sections.filter((s) => s.title !== null).length;

try {
  const repo: EmulatedRepository = github.emulator.repository("bench", "ideas");
  const first = generateGoshDocument(100);
  await measure("first sync of 100 ideas", 100 + sectionsOf(first) + 1, async () => {
    await github.push(repo, { [CONFIG]: config(DOC), [DOC]: first });
  });
  await measure("push touching neither a document nor the config", 0, async () => {
    await github.push(repo, { "README.md": "news" });
  });
  await measure("push whose document changed no idea", 0, async () => {
    await github.push(repo, { [DOC]: first + "\n; a comment changes no idea\n" });
  });
  // Five ideas get a new sentence.
  let edited = first;
  for (let i = 1; i <= 5; i += 1)
    edited = edited
      .replace(`\n:Idea ${i}: `, `\n:Idea ${i}: `)
      .replace(
        new RegExp(`(\\n:Idea ${i}: [^\\n]*:\\n\\n  )`),
        "$1A revised sentence opens this idea. ",
      );
  await measure("5 ideas edited", 5, async () => {
    await github.push(repo, { [DOC]: edited });
  });

  const large = github.emulator.repository("bench", "large");
  const sixHundred = generateGoshDocument(600);
  await measure("first sync of 600 ideas", 600 + sectionsOf(sixHundred) + 1, async () => {
    await github.push(large, { [CONFIG]: config(DOC), [DOC]: sixHundred });
  });

  const revisions = (() => {
    try {
      return readdirSync(genode)
        .filter((f) => /^\d{3}_.*\.txt$/.test(f))
        .sort()
        .map((f) => ({ name: f, content: readFileSync(join(genode, f), "utf8") }));
    } catch {
      return [];
    }
  })();
  if (revisions.length > 0) {
    const parsed = parseConfig(config("doc/challenges.txt"));
    if (!parsed.ok) throw new Error("bad configuration");
    const settings = parsed.config.documents[0] as (typeof parsed.config.documents)[0];
    // The fewest writes, from the corpus's own account of each step's
    // changes (transitions.json) and of the first revision's ideas
    // (ideas.tsv), not from the planner.
    const transitions = JSON.parse(
      readFileSync(join(genode, "transitions.json"), "utf8"),
    ) as CorpusTransition[];
    const firstSeq = (revisions[0] as (typeof revisions)[0]).name.slice(0, 3);
    const firstRows = readFileSync(join(genode, "ideas.tsv"), "utf8")
      .trim()
      .split("\n")
      .slice(1)
      .map((row) => row.split("\t"))
      .filter((row) => row[0] === firstSeq);
    const planned = minimumReplayWrites(
      {
        name: (revisions[0] as (typeof revisions)[0]).name,
        ideas: firstRows.length,
        sections: [...new Set(firstRows.map((row) => row[3] as string))],
      },
      transitions,
      settings.comments,
    ).reduce((sum, step) => sum + step.writes, 0);
    const genodeRepo = github.emulator.repository("bench", "genode");
    await measure(`Genode replay, ${revisions.length} revisions`, planned, async () => {
      await replayThroughApp(
        github,
        app,
        genodeRepo,
        revisions,
        {
          path: "doc/challenges.txt",
          config: config("doc/challenges.txt"),
        },
        () => {},
      );
    });
  }
  if (github.emulator.violations.length > 0)
    throw new Error(`GitHub's API description was not met: ${github.emulator.violations[0]}`);
  console.log(JSON.stringify({ scenarios }));
} finally {
  await app.stop();
  await github.close();
}
