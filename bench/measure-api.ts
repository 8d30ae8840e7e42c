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
import { replayHistory } from "../src/replay/replay-history.js";
import { generateGoshDocument } from "./generate-gosh-document.js";

/** One scenario's figures. */
export interface Scenario {
  name: string;
  requests: number;
  reads: number;
  writes: number;
  minimumWrites: number;
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

async function measure(name: string, minimumWrites: number, act: () => Promise<void>) {
  const from = github.emulator.log.length;
  const start = performance.now();
  await act();
  await app.idle();
  const seconds = (performance.now() - start) / 1000;
  const log = github.emulator.log.slice(from);
  scenarios.push({
    name,
    requests: log.length,
    reads: log.filter((r) => r.method === "GET").length,
    writes: log.filter((r) => r.method !== "GET" && ISSUE_WRITE.test(r.path)).length,
    minimumWrites,
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
    // The fewest writes: those the plans of an in-memory replay make.
    const planned = replayHistory(revisions, {
      config: settings,
      options: { format: "gosh" },
      path: "doc/challenges.txt",
      repositoryUrl: "https://github.com/bench/genode",
      force: true,
    }).steps.reduce((sum, step) => sum + step.writes, 0);
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
