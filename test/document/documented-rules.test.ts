/**
 * Every diagnostic rule the code reports is explained in the user docs.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";

const root = fileURLToPath(new URL("../..", import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith(".ts") ? [path] : [];
  });
}

it("documents every diagnostic rule in docs/document-formats.md", () => {
  const code = sources(join(root, "src/document"))
    .map((path) => readFileSync(path, "utf8"))
    .join("\n");
  // diagnostics.add(line, column, severity, "rule", …), report(…, severity, "rule", …), { rule: "…" }
  const rules = new Set([
    ...[...code.matchAll(/(?:"error"|"warning"|"info"|severity),\s*"([a-z0-9-]+)"/g)].map(
      (m) => m[1] as string,
    ),
    ...[...code.matchAll(/rule: "([a-z][a-z0-9-]+)"/g)].map((m) => m[1] as string),
  ]);
  expect(rules.size).toBeGreaterThanOrEqual(20);
  const docs =
    readFileSync(join(root, "docs/document-formats.md"), "utf8").split("## Diagnostics")[1] ?? "";
  const documented = new Set(
    [...docs.matchAll(/^\| `([a-z0-9-]+)` *\|/gm)].map((m) => m[1] as string),
  );
  expect([...rules].sort()).toEqual([...documented].sort());
});
