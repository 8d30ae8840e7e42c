/**
 * The CPU time of finished children, read from /proc/PID/stat.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { childrenCpuMs } from "../../bench/children-cpu-ms.js";

const stat = (command: string, cutime: number, cstime: number) =>
  `4242 (${command}) S 1 4242 4242 0 -1 4194560 100 200 0 0 7 3 ${cutime} ${cstime} 20 0 1 0 100 1000 50`;

describe("childrenCpuMs", () => {
  it("adds the children's user and system ticks, 100 a second", () => {
    expect(childrenCpuMs(stat("node", 12, 3))).toBe(150);
    expect(childrenCpuMs(stat("node", 0, 0))).toBe(0);
  });

  it("counts fields after a command name holding spaces and parentheses", () => {
    expect(childrenCpuMs(stat("a (b) c", 5, 5))).toBe(100);
  });

  it("refuses text that is not a stat line", () => {
    expect(() => childrenCpuMs("not a stat")).toThrow(/Cannot read children's CPU time/);
  });

  it("reads this process's own /proc/self/stat", () => {
    expect(childrenCpuMs(readFileSync("/proc/self/stat", "utf8"))).toBeGreaterThanOrEqual(0);
  });
});
