/**
 * Ideas → the JSON `ideas-sync parse --json` prints.
 */
import type { IdeasDocument } from "../document/types.js";

/**
 * The stable JSON shape other scripts read: exactly these fields, in this order.
 * @param document what was read from a document
 */
export function documentJson(document: IdeasDocument): unknown {
  return {
    title: document.title,
    format: document.format,
    sections: document.sections.map((section) => ({
      title: section.title,
      ideas: section.ideas.map(({ key, title, line, endLine, markdown, hash, fields }) => ({
        key,
        title,
        line,
        endLine,
        markdown,
        hash,
        fields: (fields ?? []).map(({ name, value, line }) => ({ name, value, line })),
      })),
    })),
    // "omitted" only on a rule's note for those not listed: how many it stands for.
    diagnostics: document.diagnostics.map(({ line, column, severity, rule, message, omitted }) => ({
      line,
      column,
      severity,
      rule,
      message,
      ...(omitted === undefined ? {} : { omitted }),
    })),
  };
}
