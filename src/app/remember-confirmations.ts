/**
 * Confirmations kept across runs, for the rest of their plan.
 */
import type { DocumentOutcome } from "./types.js";
import { actionFingerprint } from "./action-fingerprint.js";
import type { Confirmation } from "./types.js";

/**
 * After a run: a confirmed plan that was applied only in part (a fault, a
 * rate limit, the write cap, a refused write) keeps its confirmation for
 * the writes it did not make, so that Try again, Continue and the app's own
 * continuation finish it without asking again. A plan applied in full, a
 * blocked plan and an unreadable document end the confirmation; a run that
 * failed before writing, and a preview, leave it as it was.
 * @param kept the repository's confirmations by document path; updated in place
 * @param used the confirmation each document's run was given, by path
 */
export function rememberConfirmations(
  kept: Map<string, Confirmation>,
  outcomes: DocumentOutcome[],
  used: (path: string) => Confirmation | null,
): void {
  for (const outcome of outcomes) {
    if (outcome.kind === "failed" || outcome.kind === "preview") continue;
    const confirmed = outcome.kind === "applied" && outcome.plan.blocks.length > 0;
    const given = confirmed ? used(outcome.path) : null;
    const left =
      outcome.kind === "applied"
        ? [...outcome.result.deferred, ...outcome.result.refused.map((r) => r.action)]
        : [];
    if (given && left.length > 0)
      kept.set(outcome.path, {
        path: given.path,
        blob: given.blob,
        digest: given.digest,
        remaining: left.map(actionFingerprint),
      });
    else kept.delete(outcome.path);
  }
}
