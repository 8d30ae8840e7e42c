/**
 * Measures one piece of work on one document, in a process of its own so
 * that its peak memory is its own. Prints one JSON line.
 * Usage: node --expose-gc --import tsx bench/measure-document.ts
 *          --work (read|split|remark|remark-sections) --format (gosh|markdown) --runs N
 *          [--warm-up FILE] FILE
 *
 * read:   readDocument (parse + extract + render), the text in memory
 * split:  read the file and split it into lines: the floor for GOSH
 * remark: unified + remark-parse + remark-gfm over the whole text: the floor
 *         for Markdown
 * remark-sections: the same over each `## ` section on its own: the floor
 *         for Markdown where the whole text would take quadratic time
 * read runs the built code (dist/), which bench/run.ts builds first.
 * The warm-up file (default: the document itself) is worked on twice before
 * the timed runs, so that documents of different sizes measured with the
 * same warm-up file get the same warm-up.
 */
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";
import type { readDocument as ReadDocument } from "../src/document/read-document.js";

/** What one process measured. */
export interface DocumentFigures {
  work: string;
  format: string;
  bytes: number;
  chars: number;
  ideas: number | null;
  runs: number;
  medianMs: number;
  /** The process's peak resident memory. */
  peakRssMb: number;
  /** Peak resident memory before the document was read (runtime, modules, warm-up). */
  baselineRssMb: number;
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    work: { type: "string", default: "read" },
    format: { type: "string", default: "gosh" },
    runs: { type: "string", default: "5" },
    "warm-up": { type: "string" },
  },
});
const file = positionals[0];
if (!file) throw new Error("Cannot measure, expected a document's file");
const format = values.format === "markdown" ? "markdown" : "gosh";
const remark = unified().use(remarkParse).use(remarkGfm);
// The built code (npm run build, which bench/run.ts runs first), as users run it.
const built = new URL("../dist/document/read-document.js", import.meta.url).href;
const { readDocument } = (await import(built)) as { readDocument: typeof ReadDocument };

const WORK: Record<string, (path: string, text: string) => number | null> = {
  read: (_, text) =>
    readDocument(text, { format }).sections.reduce((sum, s) => sum + s.ideas.length, 0),
  split: (path) => {
    readFileSync(path, "utf8").split("\n");
    return null;
  },
  remark: (_, text) => {
    remark.parse(text);
    return null;
  },
  "remark-sections": (_, text) => {
    for (const section of text.split(/\n(?=## )/)) remark.parse(section);
    return null;
  },
};
const work = WORK[values.work as string];
if (!work) throw new Error(`Cannot measure "${values.work}", expected read, split or remark`);

// Each run starts on a collected heap, so that it pays for its own garbage
// only, not for the previous run's (run with --expose-gc).
const collect = (globalThis as { gc?: () => void }).gc ?? (() => {});
const warmUp = values["warm-up"] ?? file;
const warmUpText = readFileSync(warmUp, "utf8");
for (let run = 0; run < 2; run += 1) work(warmUp, warmUpText);
collect();

const baseline = process.resourceUsage().maxRSS;
const text = readFileSync(file, "utf8");
const runs = Number(values.runs);
let ideas: number | null = null;
const times: number[] = [];
for (let run = 0; run < runs; run += 1) {
  collect();
  const start = process.hrtime.bigint();
  ideas = work(file, text);
  times.push(Number(process.hrtime.bigint() - start) / 1e6);
}
times.sort((a, b) => a - b);
const figures: DocumentFigures = {
  work: values.work as string,
  format,
  bytes: Buffer.byteLength(text),
  chars: text.length,
  ideas,
  runs,
  medianMs: times[Math.floor(times.length / 2)] as number,
  peakRssMb: process.resourceUsage().maxRSS / 1024,
  baselineRssMb: baseline / 1024,
};
console.log(JSON.stringify(figures));
