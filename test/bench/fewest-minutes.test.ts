/**
 * The floor the secondary limits put under a first sync.
 */
import { describe, expect, it } from "vitest";
import { fewestMinutes } from "../../bench/fewest-minutes.js";

const GITHUB = { perMinute: 80, perHour: 500 };

describe("fewestMinutes", () => {
  it.each([
    [0, 0],
    [1, 0],
    // 80 fit the first minute; the 81st waits for the first to be a minute old.
    [80, 0],
    [81, 1],
    [160, 1],
    [161, 2],
    // 500 in the first hour take 6 minutes (80 a minute); the 501st waits
    // for the first to be an hour old.
    [500, 6],
    [501, 60],
    // 600 ideas, 24 section labels and the tracking label of the first sync.
    [625, 61],
    [1001, 120],
  ])("%i creations take at least %f minutes", (count, minutes) => {
    expect(fewestMinutes(count, GITHUB)).toBe(minutes);
  });

  it("grows with the count and shrinks with looser limits", () => {
    for (let n = 1; n < 1200; n += 37) {
      expect(fewestMinutes(n + 1, GITHUB)).toBeGreaterThanOrEqual(fewestMinutes(n, GITHUB));
      expect(fewestMinutes(n, { perMinute: 160, perHour: 1000 })).toBeLessThanOrEqual(
        fewestMinutes(n, GITHUB),
      );
    }
  });
});
