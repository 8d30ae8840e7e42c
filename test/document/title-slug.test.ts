/**
 * titleSlug makes an idea's default key, which names its issue for good: its
 * own path for ASCII titles must give github-slugger's slug exactly.
 */
import fc from "fast-check";
import { slug } from "github-slugger";
import { describe, expect, it } from "vitest";
import { titleSlug } from "../../src/document/title-slug.js";
import { genodeIdeaRows } from "../support/corpus.js";
import { propertyParameters } from "../support/property-parameters.js";
import { withCorpus } from "../support/with-corpus.js";

// github-slugger's slug, with titleSlug's rule for a slug without letters or digits.
function expected(title: string): string {
  const result = slug(title);
  return /[\p{L}\p{N}]/u.test(result) ? result : "idea";
}

describe("titleSlug", () => {
  it("is github-slugger's slug on every ASCII character, alone and between letters", () => {
    for (let code = 0; code < 128; code += 1) {
      const c = String.fromCharCode(code);
      for (const title of [c, `A${c}b`, `${c} ${c}`])
        expect(titleSlug(title)).toBe(expected(title));
    }
  });

  it("is github-slugger's slug on random titles, ASCII or not", () => {
    const title = fc.oneof(
      fc.string({ unit: "binary-ascii", maxLength: 40 }),
      fc.string({ unit: "grapheme", maxLength: 20 }),
      fc.string({ unit: "binary", maxLength: 20 }),
    );
    fc.assert(
      fc.property(title, (t) => {
        expect(titleSlug(t)).toBe(expected(t));
      }),
      propertyParameters(3000),
    );
  });

  it("is github-slugger's slug on long ASCII titles, which are slugged another way", () => {
    for (const length of [511, 512, 513, 2000]) {
      const title = "Aa b_C-9!".repeat(Math.ceil(length / 9)).slice(0, length);
      expect(titleSlug(title)).toBe(expected(title));
    }
  });

  it("keeps the example keys", () => {
    expect(titleSlug("Virtualization: A hypervisor, for ARM!")).toBe(
      "virtualization-a-hypervisor-for-arm",
    );
    expect(titleSlug("Über-Treiber für Genode")).toBe("über-treiber-für-genode");
    expect(titleSlug("???")).toBe("idea");
  });

  withCorpus("genode").it("is github-slugger's slug on every Genode idea title", () => {
    const rows = genodeIdeaRows();
    expect(rows.length).toBeGreaterThan(100);
    for (const row of rows) expect(titleSlug(row.title)).toBe(expected(row.title));
  });
});
