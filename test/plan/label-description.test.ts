/**
 * Label descriptions within GitHub's 100 characters.
 */
import { describe, expect, it } from "vitest";
import { labelDescription } from "../../src/plan/label-description.js";

const characters = (text: string) => Array.from(text).length;

describe("labelDescription", () => {
  it("names the document when the path fits", () => {
    expect(labelDescription("An idea from", "doc/ideas.md")).toBe("An idea from doc/ideas.md");
  });

  it("keeps the end of a long path, within 100 characters", () => {
    const path = `${"deeply/nested/folder/".repeat(8)}ideas.md`;
    const text = labelDescription("Ideas in this section of", path);
    expect(characters(text)).toBe(100);
    expect(text).toMatch(/^Ideas in this section of …/);
    expect(text.endsWith("/folder/ideas.md")).toBe(true);
  });

  it("counts an emoji as one character and never splits one", () => {
    const text = labelDescription("An idea from", `${"🐢".repeat(120)}.md`);
    expect(characters(text)).toBe(100);
    expect(text).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });

  it("cuts a text that leaves no room for the path", () => {
    const text = labelDescription("x".repeat(95), "doc/ideas.md");
    expect(characters(text)).toBe(100);
    expect(text.endsWith("…")).toBe(true);
  });
});
