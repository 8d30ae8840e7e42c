/**
 * Whether a run left a document as it found it, with nothing to say.
 */
import type { DocumentOutcome } from "./types.js";

/**
 * A sync that wrote nothing, left nothing and found no problem: a late
 * delivery that finds the head in sync reports nothing.
 * @param outcome a document's outcome
 */
export function inSync(outcome: DocumentOutcome): boolean {
  if (outcome.kind !== "unchanged" && outcome.kind !== "applied") return false;
  const clean = !outcome.diagnostics.some((d) => d.severity !== "info");
  if (outcome.kind === "unchanged") return clean;
  return (
    outcome.result.applied.length === 0 &&
    outcome.result.deferred.length === 0 &&
    outcome.result.stop === null &&
    clean &&
    !outcome.plan.conflicts
  );
}
