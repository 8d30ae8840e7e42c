/**
 * `npm run bench`: speed and memory of ideas-sync, as figures.
 * Each case runs in its own process; times are medians of several runs
 * after a warm-up run.
 */
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { Scenario } from "./measure-api.js";

interface Figures {
  bytes: number;
  ideas: number;
  firstMs: number;
  medianMs: number;
  peakRssMb: number;
  rssGrowthMb: number;
}

const root = resolve(fileURLToPath(new URL("..", import.meta.url)));
const shared = process.env.IDEAS_SYNC_SHARED ?? resolve(root, "../shared");
const revision014 = join(shared, "corpus/genode-challenges/014_2026-02-10_b54494100b.txt");

function measure<T = Figures>(args: string[], script = "bench/measure-document.ts"): T {
  const output = execFileSync(
    process.execPath,
    ["--expose-gc", "--import", "tsx", join(root, script), ...args],
    {
      cwd: root,
      encoding: "utf8",
    },
  );
  return JSON.parse(output.trim().split("\n").pop() as string) as T;
}

interface ApiFigures {
  scenarios: Scenario[];
}

// `--json`: the API economy only, as data for scripts.
if (process.argv.includes("--json")) {
  const api = measure<ApiFigures>([], "bench/measure-api.ts");
  process.stdout.write(JSON.stringify(api) + "\n");
  process.exit(0);
}

const cases: Array<[string, string[]]> = [];
if (existsSync(revision014)) cases.push(["Genode revision 014", [revision014]]);
else console.log(`(Genode corpus not found at ${revision014}: its case is left out)`);
cases.push(
  ["generated, 1,000 ideas", ["--generate", "1000"]],
  ["generated, 10,000 ideas", ["--generate", "10000"]],
);

console.log("\nparse + extract + render (pure document core)\n");
console.log(
  "case                       ideas     size    first run   median   peak RSS   RSS growth",
);
const results = new Map<string, Figures>();
for (const [name, args] of cases) {
  const f = measure(args);
  results.set(name, f);
  console.log(
    [
      name.padEnd(24),
      String(f.ideas).padStart(7),
      `${(f.bytes / 1024).toFixed(0)} KiB`.padStart(10),
      `${f.firstMs.toFixed(1)} ms`.padStart(12),
      `${f.medianMs.toFixed(1)} ms`.padStart(10),
      `${f.peakRssMb.toFixed(0)} MiB`.padStart(10),
      `${f.rssGrowthMb.toFixed(0)} MiB`.padStart(12),
    ].join(" "),
  );
}
const small = results.get("generated, 1,000 ideas") as Figures;
const large = results.get("generated, 10,000 ideas") as Figures;
const ratio = large.medianMs / small.medianMs;
console.log(
  `\ngrowth 1,000 -> 10,000 ideas: ${ratio.toFixed(1)}x the time (linear: about 10x; limit 12x) ${ratio <= 12 ? "ok" : "OVER LIMIT"}`,
);
console.log(
  `10,000 ideas: ${large.medianMs.toFixed(0)} ms (target under 1000 ms) ${large.medianMs < 1000 ? "ok" : "OVER TARGET"}`,
);

interface PlanFigures {
  revisions: number | null;
  ideas: number | null;
  issues: number;
  planMs: number;
  writes: number;
  firstPlanMs?: number;
  firstWrites?: number;
}

console.log("\nplan: ideas + issues -> actions (document reading not included)\n");
console.log("case                                          ideas   issues      plan    writes");
const line = (name: string, ideas: number | string, issues: number, ms: number, writes: number) =>
  console.log(
    [
      name.padEnd(44),
      String(ideas).padStart(6),
      String(issues).padStart(8),
      `${ms.toFixed(1)} ms`.padStart(10),
      String(writes).padStart(9),
    ].join(" "),
  );
const corpusDir = join(shared, "corpus/genode-challenges");
if (existsSync(corpusDir)) {
  const replay = measure<PlanFigures>(["--corpus", corpusDir], "bench/measure-plan.ts");
  line(
    `Genode replay, ${replay.revisions} revisions (all steps)`,
    "-",
    replay.issues,
    replay.planMs,
    replay.writes,
  );
}
const plans = new Map<number, PlanFigures>();
// Small cases vary between processes (the compiler's choices), so each size
// is measured in three processes and the median taken.
const median = (runs: PlanFigures[]) =>
  [...runs].sort((a, b) => a.planMs - b.planMs)[1] as PlanFigures;
for (const n of [1000, 10000]) {
  const f = median(
    [1, 2, 3].map(() => measure<PlanFigures>(["--generate", String(n)], "bench/measure-plan.ts")),
  );
  plans.set(n, f);
  line(`generated, first sync`, n, 0, f.firstPlanMs ?? 0, f.firstWrites ?? 0);
  line(`generated, 1% each edited/retitled/moved/...`, n, f.issues, f.planMs, f.writes);
}
const perIdea = (n: number) => (((plans.get(n) as PlanFigures).planMs / n) * 1000).toFixed(1);
console.log(`\nper idea: ${perIdea(1000)} us at 1,000, ${perIdea(10000)} us at 10,000`);
const planRatio =
  (plans.get(10000) as PlanFigures).planMs / (plans.get(1000) as PlanFigures).planMs;
console.log(
  `growth 1,000 -> 10,000: ${planRatio.toFixed(1)}x the time (limit 12x) ${planRatio <= 12 ? "ok" : "OVER LIMIT"}`,
);
const planLarge = (plans.get(10000) as PlanFigures).planMs;
console.log(
  `plan for 10,000 ideas against 10,000 issues: ${planLarge.toFixed(0)} ms (target under 1000 ms) ${planLarge < 1000 ? "ok" : "OVER TARGET"}`,
);

console.log("\nAPI economy: the app as its own process against the emulator\n");
const api = measure<ApiFigures>([], "bench/measure-api.ts");
console.log(
  `${"scenario".padEnd(50)}${"requests".padStart(9)}${"reads".padStart(7)}${"writes".padStart(8)}${"minimum".padStart(9)}${"seconds".padStart(9)}`,
);
for (const s of api.scenarios) {
  console.log(
    `${s.name.padEnd(50)}${String(s.requests).padStart(9)}${String(s.reads).padStart(7)}${String(s.writes).padStart(8)}${String(s.minimumWrites).padStart(9)}${s.seconds.toFixed(2).padStart(9)}`,
  );
}
const extra = api.scenarios.filter((s) => s.writes !== s.minimumWrites);
console.log(
  `\nissue and label writes equal the minimum in every scenario: ${extra.length === 0 ? "ok" : `NO (${extra.map((s) => s.name).join(", ")})`}`,
);
console.log(
  "(writes: issue, comment and label writes; requests also count reads, check runs and token exchanges)",
);
