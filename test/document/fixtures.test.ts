/**
 * Golden fixtures: for each folder in test/fixtures, the tree, the whole
 * document rendered as Markdown, and the ideas as `parse --json` prints them.
 * Run with UPDATE=1 to rewrite the expected files after a deliberate change.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { documentJson } from "../../src/cli/document-json.js";
import { extractIdeas } from "../../src/document/extract-ideas.js";
import { parseGosh } from "../../src/document/gosh/parse-gosh.js";
import { parseMarkdown } from "../../src/document/markdown/parse-markdown.js";
import { renderMarkdown } from "../../src/document/render-markdown.js";

const root = fileURLToPath(new URL("../fixtures/", import.meta.url));
const update = process.env.UPDATE === "1";
const cases = readdirSync(root).sort();

function expectFile(dir: string, name: string, actual: string): void {
  const path = join(dir, name);
  if (update) {
    writeFileSync(path, actual);
    return;
  }
  if (!existsSync(path))
    throw new Error(`${path} is missing: run the tests with UPDATE=1 to create it`);
  expect(actual, `${name} differs (run with UPDATE=1 after a deliberate change)`).toBe(
    readFileSync(path, "utf8"),
  );
}

describe("golden fixtures", () => {
  it("has fixtures for both formats", () => {
    expect(cases.filter((name) => name.startsWith("gosh-")).length).toBeGreaterThanOrEqual(10);
    expect(cases.filter((name) => name.startsWith("markdown-")).length).toBeGreaterThanOrEqual(5);
  });

  it.each(cases)("%s", (name) => {
    const dir = join(root, name);
    const gosh = existsSync(join(dir, "input.txt"));
    const input = readFileSync(join(dir, gosh ? "input.txt" : "input.md"), "utf8");
    const options = existsSync(join(dir, "options.json"))
      ? (JSON.parse(readFileSync(join(dir, "options.json"), "utf8")) as object)
      : {};
    const parsed = gosh ? parseGosh(input) : parseMarkdown(input);
    expectFile(dir, "tree.json", JSON.stringify(parsed.tree, null, 2) + "\n");
    expectFile(dir, "output.md", renderMarkdown(parsed.tree.children) + "\n");
    const ideas = extractIdeas(parsed, options);
    expectFile(dir, "ideas.json", JSON.stringify(documentJson(ideas), null, 2) + "\n");
  });
});
