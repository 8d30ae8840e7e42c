/**
 * Measures parse + extract + render of one document, in a process of its own
 * so that its peak memory is its own. Prints one JSON line.
 * Usage: node --import tsx bench/measure-document.ts (FILE | --generate N)
 */
import { readFileSync } from "node:fs";
import { readDocument } from "../src/document/read-document.js";
import { generateGoshDocument } from "./generate-gosh-document.js";

const [what, value] = process.argv.slice(2);
const text =
  what === "--generate"
    ? generateGoshDocument(Number(value))
    : readFileSync(what as string, "utf8");
const runs = text.length > 5_000_000 ? 3 : 7;

const baseline = process.resourceUsage().maxRSS;
let ideas = 0;
const times: number[] = [];
// The first run includes JIT warm-up, so it is reported apart.
// Each run starts on a collected heap, so that it pays for its own garbage
// only, not for the previous run's (run with --expose-gc).
const collect = (globalThis as { gc?: () => void }).gc ?? (() => {});
for (let run = 0; run <= runs; run += 1) {
  collect();
  const start = process.hrtime.bigint();
  const document = readDocument(text, { format: "gosh" });
  times.push(Number(process.hrtime.bigint() - start) / 1e6);
  ideas = document.sections.reduce((sum, section) => sum + section.ideas.length, 0);
}
const [first, ...rest] = times;
rest.sort((a, b) => a - b);
console.log(
  JSON.stringify({
    bytes: Buffer.byteLength(text),
    ideas,
    firstMs: first,
    medianMs: rest[Math.floor(rest.length / 2)],
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    rssGrowthMb: (process.resourceUsage().maxRSS - baseline) / 1024,
  }),
);
