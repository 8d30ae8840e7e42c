/**
 * `npm run bench`: speed, memory and API economy of ideas-sync, as figures,
 * each next to a floor measured in the same run and held to a target.
 * Each measurement runs in a process of its own. Exits 1 when a target is
 * missed. `--json`: the same figures and targets as one JSON object.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { exitStatus } from "./exit-status.js";
import { generateGoshDocument } from "./generate-gosh-document.js";
import { generateMarkdownDocument } from "./generate-markdown-document.js";
import type { Scenario } from "./measure-api.js";
import type { CommandFigures } from "./measure-cli.js";
import type { DocumentFigures } from "./measure-document.js";
import type { ReplicaFigures } from "./measure-replicas.js";
import { target, type Target, type TargetOptions } from "./target.js";
import { TIMING_TOLERANCE } from "./timing-tolerance.js";

const root = resolve(fileURLToPath(new URL("..", import.meta.url)));
const shared = process.env.IDEAS_SYNC_SHARED ?? resolve(root, "../shared");
const revision014 = join(shared, "corpus/genode-challenges/014_2026-02-10_b54494100b.txt");

function measure<T>(script: string, args: string[]): T {
  const output = execFileSync(
    process.execPath,
    ["--expose-gc", "--import", "tsx", join(root, script), ...args],
    { cwd: root, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 },
  );
  return JSON.parse(output.trim().split("\n").pop() as string) as T;
}

// `--json`: the same measurements, printed at the end as one JSON object
// for scripts instead of as text.
const json = process.argv.includes("--json");
const say = (text: string) => {
  if (!json) console.log(text);
};
const targets: Target[] = [];
const figures: Record<string, unknown> = { timingTolerance: TIMING_TOLERANCE };
const wall: TargetOptions = { tolerance: TIMING_TOLERANCE };

/** Holds a figure to a target, and prints it with its floor and verdict. */
function check(t: Target, shown: string): void {
  targets.push(t);
  const bound = `${t.comparison === "=" ? "" : t.comparison + " "}${t.bound} ${t.unit}`;
  const floor = t.floor
    ? `; floor ${t.floor.name}: ${t.floor.value.toFixed(1)}${t.ratio === null ? "" : `, ${t.ratio.toFixed(2)}x the floor`}`
    : "";
  const tolerance = t.tolerance > 0 ? ` (+${t.tolerance * 100}%)` : "";
  say(`  ${t.met ? "ok  " : "MISS"} ${t.name}: ${shown} (target ${bound}${tolerance}${floor})`);
}
const ms = (value: number) => `${value.toFixed(1)} ms`;
const mb = (value: number) => `${value.toFixed(0)} MB`;

say(
  `Timing tolerance: wall-time targets (and ratios of wall times) may pass their bound by ${TIMING_TOLERANCE * 100}%, for this shared machine's noise; memory, CPU time and request counts are held to their bounds exactly.`,
);

// Documents are read by the built code, as `npm start` and the command line
// run it (the TypeScript loader's output is not what users run), so build
// first, as npm run build does.
say("Building (tsc -p tsconfig.build.json) ...");
execFileSync(
  process.execPath,
  [join(root, "node_modules/typescript/bin/tsc"), "-p", "tsconfig.build.json"],
  { cwd: root, stdio: "inherit" },
);

const work = mkdtempSync(join(tmpdir(), "ideas-sync-bench-"));
try {
  // ---- Markdown ----------------------------------------------------------
  say(
    "\nMarkdown: generated documents, ## sections of ### ideas (readDocument: parse + extract + render)\n",
  );
  const md = (n: number) => {
    const file = join(work, `ideas-${n}.md`);
    writeFileSync(file, generateMarkdownDocument(n));
    return file;
  };
  const md1k = md(1000);
  const mdFiles = { 1000: md1k, 10000: md(10000), 50000: md(50000) };
  // Every size gets the same warm-up (the 1,000-idea document, twice) and
  // the same number of timed runs, so that growth compares like with like.
  const mdRead = (file: string) =>
    measure<DocumentFigures>("bench/measure-document.ts", [
      "--work=read",
      "--format=markdown",
      "--runs=3",
      `--warm-up=${md1k}`,
      file,
    ]);
  const remarkFloor = measure<DocumentFigures>("bench/measure-document.ts", [
    "--work=remark",
    "--format=markdown",
    "--runs=3",
    `--warm-up=${md1k}`,
    md1k,
  ]);
  // The floor at 10,000 ideas: remark-parse of each ## section on its own,
  // which grows linearly, as reading in parts does.
  const remarkSections = measure<DocumentFigures>("bench/measure-document.ts", [
    "--work=remark-sections",
    "--format=markdown",
    "--runs=3",
    `--warm-up=${md1k}`,
    mdFiles[10000],
  ]);
  const markdown = Object.entries(mdFiles).map(([n, file]) => ({
    size: Number(n),
    ...mdRead(file),
  }));
  figures.markdown = { floor: remarkFloor, sectionsFloor: remarkSections, documents: markdown };
  for (const f of markdown)
    say(
      `  ${String(f.size).padStart(6)} ideas ${`${(f.bytes / 1e6).toFixed(1)} MB`.padStart(8)}: median ${ms(f.medianMs).padStart(11)} of ${f.runs}, peak RSS ${mb(f.peakRssMb)}`,
    );
  say(
    `  floor: plain remark-parse (unified + remark-parse + remark-gfm) of the whole 1,000-idea document: ${ms(remarkFloor.medianMs)}, peak RSS ${mb(remarkFloor.peakRssMb)}`,
  );
  say(
    `  floor: remark-parse of each ## section of the 10,000-idea document on its own: ${ms(remarkSections.medianMs)}, peak RSS ${mb(remarkSections.peakRssMb)}`,
  );
  say(
    "  (whole-document remark-parse is not run at 10,000 and 50,000 ideas: micromark's time grows quadratically there and takes minutes)\n",
  );
  const [m1, m10, m50] = markdown as [
    (typeof markdown)[0],
    (typeof markdown)[0],
    (typeof markdown)[0],
  ];
  // No target of its own: the issue sets none, and the figure shows what
  // reading ideas costs beyond the parser.
  say(
    `  Markdown, 1,000 ideas, against plain remark-parse of the same: ${(m1.medianMs / remarkFloor.medianMs).toFixed(2)}x`,
  );
  say(
    `  Markdown, 10,000 ideas, against remark-parse of the same by section: ${(m10.medianMs / remarkSections.medianMs).toFixed(2)}x`,
  );
  check(
    target("Markdown, 10,000 ideas, time", m10.medianMs, "<", 5000, "ms", {
      ...wall,
      floor: {
        name: "remark-parse of the 10,000 ideas by section (ms)",
        value: remarkSections.medianMs,
      },
    }),
    `${ms(m10.medianMs)}${remarkSections.medianMs >= 5000 ? " (remark-parse alone takes longer than the target here: plain Markdown is read without it)" : ""}`,
  );
  check(
    target("Markdown, 10,000 ideas, peak RSS", m10.peakRssMb, "<", 500, "MB", {
      floor: { name: "peak RSS of remark-parse, 1,000 ideas (MB)", value: remarkFloor.peakRssMb },
    }),
    mb(m10.peakRssMb),
  );
  check(
    target("Markdown growth 10,000 -> 50,000 ideas", m50.medianMs / m10.medianMs, "<=", 6, "x", {
      ...wall,
      floor: { name: "10,000 ideas (ms)", value: m10.medianMs },
    }),
    `${ms(m50.medianMs)}, ${(m50.medianMs / m10.medianMs).toFixed(2)}x (linear: 5x)`,
  );

  // ---- GOSH --------------------------------------------------------------
  say(
    "\nGOSH: generated documents styled like Genode's challenges (readDocument: parse + extract + render)\n",
  );
  const gosh = (n: number) => {
    const file = join(work, `ideas-${n}.txt`);
    writeFileSync(file, generateGoshDocument(n));
    return file;
  };
  const g1k = gosh(1000);
  const goshFiles: Array<[string, string]> = [
    ["10,000 ideas", gosh(10000)],
    ["50,000 ideas", gosh(50000)],
  ];
  if (existsSync(revision014)) goshFiles.push(["Genode revision 014", revision014]);
  else say(`  (Genode corpus not found at ${revision014}: its case is left out)`);
  const goshArgs = (workName: string, file: string) => [
    `--work=${workName}`,
    "--format=gosh",
    "--runs=5",
    `--warm-up=${g1k}`,
    file,
  ];
  const goshRead = goshFiles.map(([name, file]) => ({
    name,
    ...measure<DocumentFigures>("bench/measure-document.ts", goshArgs("read", file)),
  }));
  const splitFloor = measure<DocumentFigures>(
    "bench/measure-document.ts",
    goshArgs("split", (goshFiles[0] as [string, string])[1]),
  );
  figures.gosh = { floor: splitFloor, documents: goshRead };
  for (const f of goshRead)
    say(
      `  ${f.name.padEnd(20)} ${`${(f.bytes / 1e6).toFixed(1)} MB`.padStart(8)}: median ${ms(f.medianMs).padStart(10)} of ${f.runs}, peak RSS ${mb(f.peakRssMb)} (${mb(f.peakRssMb - f.baselineRssMb)} over the ${mb(f.baselineRssMb)} before reading)`,
    );
  say(`  floor: read the 10,000-idea file + split it into lines: ${ms(splitFloor.medianMs)}\n`);
  const [g10, g50] = goshRead as [(typeof goshRead)[0], (typeof goshRead)[0]];
  check(
    target("GOSH, 10,000 ideas, time", g10.medianMs, "<", 400, "ms", {
      ...wall,
      floor: { name: "read + split (ms)", value: splitFloor.medianMs },
    }),
    ms(g10.medianMs),
  );
  check(
    target(
      "GOSH, 10,000 ideas, time against read + split",
      g10.medianMs / splitFloor.medianMs,
      "<=",
      30,
      "x",
      { ...wall, floor: { name: "read + split (ms)", value: splitFloor.medianMs } },
    ),
    `${(g10.medianMs / splitFloor.medianMs).toFixed(1)}x`,
  );
  check(
    target("GOSH growth 10,000 -> 50,000 ideas", g50.medianMs / g10.medianMs, "<=", 5.5, "x", {
      ...wall,
      floor: { name: "10,000 ideas (ms)", value: g10.medianMs },
    }),
    `${ms(g50.medianMs)}, ${(g50.medianMs / g10.medianMs).toFixed(2)}x (linear: 5x)`,
  );
  for (const f of [g10, g50]) {
    // The document's size in memory: JavaScript strings take 2 bytes a character.
    const inMemoryMb = (f.chars * 2) / 1e6;
    check(
      target(
        `GOSH, ${f.name}, peak memory over the process's own`,
        f.peakRssMb - f.baselineRssMb,
        "<=",
        3 * inMemoryMb + 80,
        "MB",
        { floor: { name: "the document in memory (MB)", value: inMemoryMb } },
      ),
      mb(f.peakRssMb - f.baselineRssMb),
    );
  }

  // ---- CLI ---------------------------------------------------------------
  say("\nCLI: processes started as a user starts them (built first with npm run build)\n");
  if (existsSync(revision014)) {
    const { commands } = measure<{ commands: CommandFigures[] }>("bench/measure-cli.ts", [
      revision014,
      "11",
    ]);
    figures.cli = commands;
    const [bare, parse] = commands as [CommandFigures, CommandFigures];
    for (const c of commands)
      say(
        `  ${c.command.padEnd(42)} median wall ${ms(c.medianWallMs).padStart(9)}, CPU ${ms(c.cpuMs).padStart(9)} per process (${c.runs} runs)`,
      );
    say("");
    check(
      target(
        "CLI parse of revision 014, wall time against node -e 0",
        parse.medianWallMs / bare.medianWallMs,
        "<=",
        2.5,
        "x",
        { ...wall, floor: { name: "node -e 0 (ms)", value: bare.medianWallMs } },
      ),
      `${ms(parse.medianWallMs)}, ${(parse.medianWallMs / bare.medianWallMs).toFixed(2)}x`,
    );
    check(
      target(
        "CLI parse of revision 014, CPU time against node -e 0",
        parse.cpuMs / bare.cpuMs,
        "<=",
        2.5,
        "x",
        { floor: { name: "node -e 0 (ms CPU)", value: bare.cpuMs } },
      ),
      `${ms(parse.cpuMs)}, ${(parse.cpuMs / bare.cpuMs).toFixed(2)}x`,
    );
  } else say(`  (Genode corpus not found at ${revision014}: the CLI case is left out)`);

  // ---- Plan --------------------------------------------------------------
  interface PlanFigures {
    revisions: number | null;
    ideas: number | null;
    issues: number;
    planMs: number;
    writes: number;
    firstPlanMs?: number;
    firstWrites?: number;
  }
  say("\nPlan: ideas + issues -> actions (document reading not included)\n");
  const plans = new Map<number, PlanFigures>();
  // Small cases vary between processes (the compiler's choices), so each size
  // is measured in three processes and the median taken. The sizes take
  // turns, so that a slow spell of the machine falls on both alike, and the
  // growth is the median of each turn's own ratio.
  const sizes = [1000, 10000] as const;
  const turns = [1, 2, 3].map(() =>
    sizes.map((n) => measure<PlanFigures>("bench/measure-plan.ts", ["--generate", String(n)])),
  );
  const medianOf = (values: number[]) =>
    [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;
  const planGrowth = medianOf(
    turns.map(([small, large]) => (large as PlanFigures).planMs / (small as PlanFigures).planMs),
  );
  for (const [i, n] of sizes.entries()) {
    const runs = turns.map((turn) => turn[i] as PlanFigures);
    const f = runs.sort((a, b) => a.planMs - b.planMs)[1] as PlanFigures;
    plans.set(n, f);
    say(
      `  ${String(n).padStart(6)} ideas against ${f.issues} issues, 1% each edited/retitled/moved/removed/added: ${ms(f.planMs)}, ${f.writes} writes; first sync ${ms(f.firstPlanMs ?? 0)}`,
    );
  }
  figures.plans = [...plans.values()];
  const p1 = plans.get(1000) as PlanFigures;
  const p10 = plans.get(10000) as PlanFigures;
  say("");
  check(
    target("plan growth 1,000 -> 10,000 ideas", planGrowth, "<=", 12, "x", {
      ...wall,
      floor: { name: "1,000 ideas (ms)", value: p1.planMs },
    }),
    `${planGrowth.toFixed(1)}x, the median of three turns (linear: 10x)`,
  );
  check(
    target("plan, 10,000 ideas against 10,000 issues", p10.planMs, "<", 1000, "ms", wall),
    ms(p10.planMs),
  );

  // ---- API ---------------------------------------------------------------
  say("\nAPI: the app as its own process against the emulator\n");
  const { scenarios } = measure<{ scenarios: Scenario[] }>("bench/measure-api.ts", []);
  figures.scenarios = scenarios;
  say(
    `  ${"scenario".padEnd(48)}${"requests".padStart(9)}${"reads".padStart(7)}${"writes".padStart(8)}${"minimum".padStart(9)}${"checks".padStart(8)}${"emulated min".padStart(14)}${"floor min".padStart(11)}`,
  );
  for (const s of scenarios)
    say(
      `  ${s.name.padEnd(48)}${String(s.requests).padStart(9)}${String(s.reads).padStart(7)}${String(s.writes).padStart(8)}${String(s.minimumWrites).padStart(9)}${String(s.checkRuns).padStart(8)}${s.emulatedMinutes.toFixed(2).padStart(14)}${s.floorMinutes.toFixed(2).padStart(11)}`,
    );
  say(
    "  (writes: issue, comment and label writes; checks: check runs made; requests also count token exchanges)\n",
  );
  for (const s of scenarios) {
    check(
      target(`issue and label writes: ${s.name}`, s.writes, "=", s.minimumWrites, "writes", {
        floor: { name: "minimum writes", value: s.minimumWrites },
      }),
      `${s.writes}${s.minimumWrites > 0 ? `, ${(s.writes / s.minimumWrites).toFixed(2)}x the minimum` : ""}`,
    );
    check(
      target(`refused by GitHub: ${s.name}`, s.refusals, "=", 0, "requests"),
      String(s.refusals),
    );
  }
  const first600 = scenarios.find((s) => s.name === "first sync of 600 ideas");
  if (first600)
    check(
      target(
        "first sync of 600 ideas, emulated time against the limits' floor",
        first600.emulatedMinutes / first600.floorMinutes,
        "<=",
        1.02,
        "x",
        {
          floor: {
            name: `fewest minutes for ${first600.creations} creations`,
            value: first600.floorMinutes,
          },
        },
      ),
      `${first600.emulatedMinutes.toFixed(2)} min, ${(first600.emulatedMinutes / first600.floorMinutes).toFixed(3)}x`,
    );
  const unchanged = scenarios.find((s) => s.name === "push whose document changed no idea");
  if (unchanged) {
    check(
      target("push whose document changed no idea: reads", unchanged.reads, "<=", 2, "reads"),
      String(unchanged.reads),
    );
    check(
      target(
        "push whose document changed no idea: check runs",
        unchanged.checkRuns,
        "=",
        1,
        "check runs",
      ),
      String(unchanged.checkRuns),
    );
    check(
      target(
        "push whose document changed no idea: other writes",
        unchanged.writes + unchanged.otherWrites,
        "=",
        0,
        "writes",
      ),
      String(unchanged.writes + unchanged.otherWrites),
    );
  }
  const replay = scenarios.find((s) => s.name.startsWith("Genode replay"));
  if (replay)
    say(
      `\n  Genode replay: ${replay.writes} writes by the app, ${replay.minimumWrites} at least by transitions.json (creates, updates, closes, reopens, comments, labels per step): ${(replay.writes / replay.minimumWrites).toFixed(2)}x`,
    );

  // ---- Replicas ------------------------------------------------------------
  say("\nReplicas: the same 200 pushes to 50 repositories, one process and three on Postgres\n");
  const { replicas } = measure<{ replicas: ReplicaFigures[] }>("bench/measure-replicas.ts", []);
  figures.replicas = replicas;
  for (const r of replicas)
    say(
      `  ${r.name.padEnd(30)}${r.perEmulatedMinute.toFixed(1).padStart(8)} deliveries per emulated minute; ${r.emulatedMinutes.toFixed(1)} emulated min (floor by the limits ${r.floorMinutes.toFixed(1)} for ${r.creations} creations); ${r.seconds.toFixed(1)} s`,
    );
} finally {
  rmSync(work, { recursive: true, force: true });
}

const missed = targets.filter((t) => !t.met);
if (json) process.stdout.write(JSON.stringify({ ...figures, targets }) + "\n");
else
  say(
    missed.length === 0
      ? `\nall ${targets.length} targets met`
      : `\n${missed.length} of ${targets.length} targets missed: ${missed.map((t) => t.name).join("; ")}`,
  );
// A bench that misses its own targets fails.
process.exitCode = exitStatus(targets);
