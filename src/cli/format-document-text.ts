/**
 * Ideas → the text `ideas-sync parse` prints.
 */
import { countDiagnostics } from "../document/count-diagnostics.js";
import type { IdeasDocument } from "../document/types.js";
import { formatDiagnostic } from "./format-diagnostic.js";

/**
 * Lists a document's sections and ideas with lines and keys, each idea's
 * fields below it, then its
 * diagnostics in the form editors and CI logs link to.
 * @param path the document's path as given
 * @param document what was read from it
 */
export function formatDocumentText(path: string, document: IdeasDocument): string {
  const ideas = document.sections.reduce((sum, section) => sum + section.ideas.length, 0);
  const named = document.sections.filter((section) => section.title !== null).length;
  const out: string[] = [];
  const title = document.title === null ? "" : ` "${document.title}"`;
  out.push(
    `${path}: ${document.format === "gosh" ? "GOSH" : "Markdown"} document${title}, ${count(ideas, "idea")} in ${count(named, "section")}`,
  );
  for (const section of document.sections) {
    out.push("", section.title ?? "(no section)");
    for (const idea of section.ideas) {
      const lines = idea.endLine > idea.line ? `${idea.line}-${idea.endLine}` : `${idea.line}`;
      out.push(`  ${lines.padEnd(9)} ${idea.title}  [${idea.key}${idea.pinned ? ", pinned" : ""}]`);
      // Fields under their idea, indented past the line column: what field
      // labels are made from.
      for (const field of idea.fields ?? []) {
        out.push(
          `  ${"".padEnd(9)}   ${String(field.line).padEnd(6)} ${field.name}: ${field.value}`,
        );
      }
    }
  }
  if (document.diagnostics.length > 0) out.push("");
  for (const diagnostic of document.diagnostics) out.push(formatDiagnostic(path, diagnostic));
  // Totals count every diagnostic, those a note stands for among them.
  const errors = countDiagnostics(document.diagnostics, "error");
  const warnings = countDiagnostics(document.diagnostics, "warning");
  out.push("", `${count(errors, "error")}, ${count(warnings, "warning")}`);
  return out.join("\n") + "\n";
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}
