/**
 * Measures the command line as a user starts it: `node bin/ideas-sync.js
 * parse FILE --json` next to `node -e 0`, the floor any Node program pays,
 * each started as a process several times in turn. Needs `npm run build`
 * first (bench/run.ts builds). Prints one JSON line: medians of wall time,
 * and CPU time (user + system) per process, less moved by a busy machine.
 * Usage: node --import tsx bench/measure-cli.ts FILE [RUNS]
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { childrenCpuMs } from "./children-cpu-ms.js";

/** One command's figures. */
export interface CommandFigures {
  command: string;
  runs: number;
  medianWallMs: number;
  /** CPU time per process: the total of all runs over their number. */
  cpuMs: number;
}

const root = resolve(fileURLToPath(new URL("..", import.meta.url)));
const [file, runsArg] = process.argv.slice(2);
if (!file) throw new Error("Cannot measure the command line, expected a document's file");
const runs = Number(runsArg ?? 11);
const commands: Array<{ command: string; args: string[] }> = [
  { command: "node -e 0", args: ["-e", "0"] },
  {
    command: "node bin/ideas-sync.js parse FILE --json",
    args: [join(root, "bin/ideas-sync.js"), "parse", file, "--json"],
  },
];
const cpu = () => childrenCpuMs(readFileSync("/proc/self/stat", "utf8"));
const walls = commands.map(() => [] as number[]);
const cpus = commands.map(() => 0);
// In turn, so that a busy moment of the machine falls on both alike.
for (let run = 0; run < runs; run += 1)
  for (const [i, { command, args }] of commands.entries()) {
    const cpuBefore = cpu();
    const start = process.hrtime.bigint();
    const result = spawnSync(process.execPath, args, {
      cwd: root,
      stdio: ["ignore", "ignore", "pipe"],
      encoding: "utf8",
    });
    walls[i]?.push(Number(process.hrtime.bigint() - start) / 1e6);
    cpus[i] = (cpus[i] as number) + cpu() - cpuBefore;
    if (result.status !== 0)
      throw new Error(`"${command}" exited with ${result.status}: ${result.stderr.trim()}`);
  }
const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;
const figures: CommandFigures[] = commands.map(({ command }, i) => ({
  command,
  runs,
  medianWallMs: median(walls[i] as number[]),
  cpuMs: (cpus[i] as number) / runs,
}));
console.log(JSON.stringify({ commands: figures }));
