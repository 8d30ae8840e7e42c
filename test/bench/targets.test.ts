/**
 * npm run bench fails when a figure misses its target.
 */
import { describe, expect, it } from "vitest";
import { exitStatus } from "../../bench/exit-status.js";
import { target } from "../../bench/target.js";

describe("bench targets", () => {
  it("are met by the bound's side of each comparison only", () => {
    expect(target("a", 999, "<", 1000, "ms").met).toBe(true);
    expect(target("a", 1000, "<", 1000, "ms").met).toBe(false);
    expect(target("a", 12, "<=", 12, "x").met).toBe(true);
    expect(target("a", 12.1, "<=", 12, "x").met).toBe(false);
    expect(target("a", 7, "=", 7, "writes").met).toBe(true);
    expect(target("a", 6, "=", 7, "writes").met).toBe(false);
    expect(target("a", Number.NaN, "<", 1000, "ms").met).toBe(false);
    expect(target("a", Infinity, "<=", 12, "x").met).toBe(false);
  });

  it("carry what JSON needs to say which target was missed and by how much", () => {
    expect(JSON.parse(JSON.stringify(target("plan", 1200, "<", 1000, "ms")))).toEqual({
      name: "plan",
      value: 1200,
      comparison: "<",
      bound: 1000,
      unit: "ms",
      met: false,
    });
  });

  it("make the bench exit 1 when any is missed, 0 when all are met", () => {
    const met = target("fast", 10, "<", 1000, "ms");
    const missed = target("slow", 1500, "<", 1000, "ms");
    expect(exitStatus([met, met])).toBe(0);
    expect(exitStatus([met, missed])).toBe(1);
    expect(exitStatus([missed])).toBe(1);
    // A run that measured nothing has shown nothing to be fast enough.
    expect(exitStatus([])).toBe(1);
  });
});
