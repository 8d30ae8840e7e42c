/**
 * What an action does, and to which issue, without its text.
 */
import type { Action } from "../plan/types.js";

/**
 * Names an action by its kind and its issue (by number, or by the idea's
 * key for an issue to create; by name for a label). Two plans of the same
 * document can differ in the text they write (links name the commit) and
 * still make these same writes: a confirmation is held to these.
 */
export function actionFingerprint(action: Action): string {
  switch (action.type) {
    case "create-label":
      return `create-label:${action.label}`;
    case "create-issue":
      return `create-issue:${action.key}`;
    default:
      return `${action.type}:#${action.number}:${action.key}`;
  }
}
