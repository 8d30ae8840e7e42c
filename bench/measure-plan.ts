/**
 * Measures planning, in a process of its own. Prints one JSON line.
 * Usage: node --import tsx bench/measure-plan.ts (--generate N | --corpus DIR)
 *
 * --generate N: a document of N ideas planned against the N issues of its
 *   first sync, after 1% of the ideas were edited, 1% retitled, 1% moved,
 *   1% removed and 1% added (the steady state of a large document).
 * --corpus DIR: the Genode revisions in DIR synced one after the other
 *   (blocked plans confirmed); the time is the planning alone.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseConfig } from "../src/config/parse-config.js";
import { readDocument } from "../src/document/read-document.js";
import { countWrites } from "../src/plan/plan-json.js";
import { planSync, type PlanInput } from "../src/plan/plan-sync.js";
import { MemoryIssues } from "../src/replay/memory-issues.js";
import { generateGoshDocument } from "./generate-gosh-document.js";

const parsed = parseConfig("documents:\n  - path: doc/ideas.txt\n");
if (!parsed.ok) throw new Error("the bench's configuration is wrong");
const config = parsed.config.documents[0] as PlanInput["config"];
const source = (sha: string) => ({
  path: "doc/ideas.txt",
  sha,
  repositoryUrl: "https://github.com/o/r",
});

function timed<T>(work: () => T): { result: T; ms: number } {
  const start = process.hrtime.bigint();
  const result = work();
  return { result, ms: Number(process.hrtime.bigint() - start) / 1e6 };
}

const [what, value] = process.argv.slice(2);
if (what === "--corpus") {
  const dir = value as string;
  const files = readdirSync(dir)
    .filter((file) => /^\d{3}_.*\.txt$/.test(file))
    .sort();
  const store = new MemoryIssues();
  let ms = 0;
  let writes = 0;
  for (const file of files) {
    const document = readDocument(readFileSync(join(dir, file), "utf8"), { format: "gosh" });
    const { result: plan, ms: planMs } = timed(() =>
      planSync({
        document,
        source: source(file),
        issues: store.snapshot(),
        labels: store.labels,
        config,
      }),
    );
    ms += planMs;
    writes += countWrites(plan);
    store.apply(plan);
  }
  console.log(
    JSON.stringify({
      revisions: files.length,
      ideas: null,
      issues: store.issues.length,
      planMs: ms,
      writes,
    }),
  );
} else {
  const n = Number(value);
  const text = generateGoshDocument(n);
  const first = readDocument(text, { format: "gosh" });
  const store = new MemoryIssues();
  const firstPlan = timed(() =>
    planSync({ document: first, source: source("a".repeat(40)), issues: [], labels: [], config }),
  );
  store.apply(firstPlan.result);
  // 1% each: edit, retitle, move, remove, add.
  const edited = structuredClone(first);
  const ideas = edited.sections.flatMap((section) => section.ideas);
  const step = 100;
  for (let i = 0; i < ideas.length; i += step) {
    const idea = ideas[i] as (typeof ideas)[number];
    idea.hash = `${idea.hash.slice(0, 12)}edit`;
    idea.markdown += " Edited.";
    const retitled = ideas[i + 1];
    if (retitled) {
      retitled.title += " (revised)";
      retitled.key += "-revised";
    }
    const moved = ideas[i + 2];
    if (moved) moved.section = "Moved ideas";
  }
  for (const section of edited.sections)
    section.ideas = section.ideas.filter((_, i) => i % step !== 3);
  edited.sections.push({
    title: "New ideas",
    ideas: Array.from({ length: n / step }, (_, i) => ({
      ...ideas[0]!,
      key: `new-${i}`,
      title: `New idea ${i}`,
      hash: `new${i}`,
      markdown: `Entirely new text number ${i}.`,
    })),
  });
  const issues = store.snapshot();
  const runs: number[] = [];
  let writes = 0;
  const collect = (globalThis as { gc?: () => void }).gc ?? (() => {});
  // Small plans are timed in batches, so that each sample is long enough
  // for the clock and the machine's noise.
  const batch = Math.max(1, Math.round(10_000 / n));
  for (let run = 0; run < 16; run += 1) {
    collect();
    const { result, ms } = timed(() => {
      let plan = planSync({
        document: edited,
        source: source("b".repeat(40)),
        issues,
        labels: store.labels,
        config,
      });
      for (let i = 1; i < batch; i += 1) {
        plan = planSync({
          document: edited,
          source: source("b".repeat(40)),
          issues,
          labels: store.labels,
          config,
        });
      }
      return plan;
    });
    runs.push(ms / batch);
    writes = countWrites(result);
  }
  runs.shift();
  runs.sort((a, b) => a - b);
  console.log(
    JSON.stringify({
      revisions: null,
      ideas: n,
      issues: issues.length,
      firstPlanMs: firstPlan.ms,
      firstWrites: countWrites(firstPlan.result),
      planMs: runs[Math.floor(runs.length / 2)],
      writes,
    }),
  );
}
