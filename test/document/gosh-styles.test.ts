/**
 * Each GOSH style's `goesOn` answers as its gosh patterns do on lines with
 * "\n" appended.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { STYLES, type Style } from "../../src/document/gosh/gosh-styles.js";
import { GENODE } from "../support/corpus.js";
import { propertyParameters } from "../support/property-parameters.js";
import { withCorpus } from "../support/with-corpus.js";

// Seeded: propertyParameters gives every property the run's FC_SEED, which
// the run prints at its end and a failure prints with its path.

const corpus = withCorpus("genode");

// What gosh asks: the line with "\n" appended matches `cont`, and the next
// line with "\n" appended matches `contnext`.
function goesOnByPatterns(style: Style, line: string, next: string): boolean {
  return style.cont.test(line + "\n") && (!style.contnext || style.contnext.test(next + "\n"));
}

// Lines are short runs of the characters the patterns care about.
const line = fc
  .array(
    fc.oneof(
      fc.constantFrom(" ", ":", "*", "#", "=", "~", "-", "!", "|", "(", ")", "_", "'", '"', "["),
      // Control characters too: "\u0010" is "0" with the lower-case bit set.
      fc.constantFrom(
        "a",
        "Z",
        "1",
        "é",
        "\u2028",
        "\t",
        ";",
        "\u0085",
        "\u0010",
        "\u0001",
        "@",
        "`",
      ),
      fc.string({ maxLength: 2 }).filter((text) => !/[\r\n]/.test(text)),
    ),
    { maxLength: 6 },
  )
  .map((parts) => parts.join(""));

describe("first of each GOSH style", () => {
  // A style with a first character is not tried on lines that start with
  // another: that must never skip a line its pattern matches.
  it("is the first character of every line its begin pattern matches", () => {
    const withFirst = [...STYLES.values()].filter((style) => style.first !== undefined);
    expect(withFirst.map((style) => style.name)).toContain("descitem");
    // Random lines rarely start as a style does: some start with a style's marker.
    const start = fc.constantFrom("", "Abstract", "* ", "# ", ":a:", "! ", "| ", ": ", ":", "  ");
    fc.assert(
      fc.property(start, line, (prefix, rest) => {
        const current = prefix + rest;
        for (const style of withFirst) {
          if (style.begin.test(current))
            expect(current.charAt(0), `${style.name}: ${JSON.stringify(current)}`).toBe(
              style.first,
            );
        }
      }),
      propertyParameters(2000),
    );
  });
});

describe("goesOn of each GOSH style", () => {
  it("agrees with cont and contnext on random lines", () => {
    fc.assert(
      fc.property(line, line, (current, next) => {
        for (const style of STYLES.values()) {
          expect(
            style.goesOn(current, next),
            `${style.name}: ${JSON.stringify([current, next])}`,
          ).toBe(goesOnByPatterns(style, current, next));
        }
      }),
      propertyParameters(2000),
    );
  });

  corpus.it("agrees with cont and contnext on every line of the Genode corpus", () => {
    let pairs = 0;
    for (const file of readdirSync(GENODE as string).filter((name) => name.endsWith(".txt"))) {
      const lines = readFileSync(join(GENODE as string, file), "utf8").split(/\r\n|\r|\n/);
      // Also as a container would see them, two spaces of indentation taken off.
      const dedented = lines.map((text) => (text.startsWith("  ") ? text.slice(2) : text));
      for (const texts of [lines, dedented]) {
        for (let i = 0; i < texts.length; i += 1) {
          const current = texts[i] as string;
          const next = texts[i + 1] ?? "";
          for (const style of STYLES.values()) {
            if (style.goesOn(current, next) !== goesOnByPatterns(style, current, next))
              expect.fail(`${style.name} differs at ${file}:${i + 1}: ${JSON.stringify(current)}`);
          }
          pairs += 1;
        }
      }
    }
    expect(pairs).toBeGreaterThan(1000);
  });
});
