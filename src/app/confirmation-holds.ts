/**
 * Whether a confirmation covers a plan.
 */
import type { Plan } from "../plan/types.js";
import { actionFingerprint } from "./action-fingerprint.js";
import type { Confirmation } from "./types.js";

/**
 * A pressed Confirm covers exactly the plan it was pressed on (the same
 * digest). Once that plan was partly applied (a fault, a rate limit or the
 * write cap stopped it), the confirmation holds for its remaining writes:
 * a later plan of the same document blob whose every action is one of them
 * (the issues are as that plan left them) needs no new confirmation. Any
 * other action, or another document, does.
 * @param blob the document's blob the plan was made from
 * @param digest the plan's digest
 */
export function confirmationHolds(
  confirmed: Confirmation,
  plan: Plan,
  blob: string,
  digest: string,
): boolean {
  if (!confirmed.remaining) return confirmed.digest === digest;
  if (confirmed.blob !== blob) return false;
  const allowed = new Set(confirmed.remaining);
  return plan.actions.every((action) => allowed.has(actionFingerprint(action)));
}
