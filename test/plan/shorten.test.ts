/**
 * Titles and names cut to GitHub's limits without breaking a character.
 */
import { describe, expect, it } from "vitest";
import { shorten } from "../../src/plan/shorten.js";

describe("shorten", () => {
  it("keeps a text that fits and cuts one that does not, with an ellipsis", () => {
    expect(shorten("Wind gauge", 10)).toBe("Wind gauge");
    expect(shorten("Wind gauges", 10)).toBe("Wind gaug…");
    expect(shorten("Wind     gauges", 10)).toBe("Wind…");
  });

  it("never leaves half an emoji", () => {
    // Nine UTF-16 units of turtles end in the first half of the fifth turtle.
    const text = shorten("🐢".repeat(6), 10);
    expect(text).toBe("🐢🐢🐢🐢…");
    expect(text).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
    expect(text.length).toBeLessThanOrEqual(10);
  });
});
