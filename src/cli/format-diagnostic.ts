/**
 * One diagnostic as a line of text.
 */
import type { Diagnostic } from "../document/types.js";

/**
 * Formats a diagnostic as `FILE:LINE:COL: severity: message [rule]`, the form
 * editors and CI logs turn into links.
 * @param path the document's path as given
 * @param diagnostic the problem
 */
export function formatDiagnostic(path: string, diagnostic: Diagnostic): string {
  const { line, column, severity, message, rule } = diagnostic;
  return `${path}:${line}:${column}: ${severity}: ${message} [${rule}]`;
}
