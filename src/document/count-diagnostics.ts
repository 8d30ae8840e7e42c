/**
 * How many problems a list of diagnostics stands for.
 */
import type { Diagnostic, Severity } from "./types.js";

/**
 * Counts diagnostics, a rule's note for those not listed as the number it
 * stands for: 70 of one rule are 50 listed and a note of 20, and count 70.
 * @param diagnostics a document's diagnostics
 * @param severity only those of this severity, or all
 */
export function countDiagnostics(diagnostics: readonly Diagnostic[], severity?: Severity): number {
  let count = 0;
  for (const diagnostic of diagnostics) {
    if (severity === undefined || diagnostic.severity === severity)
      count += diagnostic.omitted ?? 1;
  }
  return count;
}
