/**
 * npm run bench fails when a figure misses its target.
 */
import { describe, expect, it } from "vitest";
import { exitStatus } from "../../bench/exit-status.js";
import { target } from "../../bench/target.js";
import { TIMING_TOLERANCE } from "../../bench/timing-tolerance.js";

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

  it.each([
    ["inside the tolerance", 1099, "<", true],
    ["at the widened bound", 1100, "<", false],
    ["at the widened bound, at most", 1100, "<=", true],
    ["past the widened bound", 1101, "<=", false],
  ] as const)("widen a bound by the tolerance: %s", (_, value, comparison, met) => {
    expect(target("a", value, comparison, 1000, "ms", { tolerance: 0.1 }).met).toBe(met);
  });

  it("keep the bound exactly without a tolerance, and refuse one on an exact count", () => {
    expect(target("a", 1001, "<=", 1000, "MiB").met).toBe(false);
    expect(() => target("a", 7, "=", 7, "writes", { tolerance: 0.1 })).toThrow(/tolerance/);
    expect(() => target("a", 7, "<", 7, "ms", { tolerance: -0.1 })).toThrow(/tolerance/);
  });

  it("state a tolerance for timing between none and a quarter", () => {
    expect(TIMING_TOLERANCE).toBeGreaterThan(0);
    expect(TIMING_TOLERANCE).toBeLessThan(0.25);
  });

  it("carry the figure's ratio to the floor measured beside it", () => {
    const t = target("gosh", 300, "<=", 30, "x the floor", {
      floor: { name: "read + split", value: 12 },
    });
    expect(t.ratio).toBe(25);
    expect(target("x", 3, "<", 4, "ms", { floor: { name: "nothing", value: 0 } }).ratio).toBe(null);
    expect(target("x", 3, "<", 4, "ms").ratio).toBe(null);
  });

  it("carry what JSON needs to say which target was missed and by how much", () => {
    expect(
      JSON.parse(
        JSON.stringify(
          target("plan", 1200, "<", 1000, "ms", {
            tolerance: 0.1,
            floor: { name: "read", value: 100 },
          }),
        ),
      ),
    ).toEqual({
      name: "plan",
      value: 1200,
      comparison: "<",
      bound: 1000,
      unit: "ms",
      tolerance: 0.1,
      floor: { name: "read", value: 100 },
      ratio: 12,
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
