/**
 * `issues` and `label`: someone changed the repository's issues or labels.
 */
import type { Context } from "probot";
import type { AppState } from "./app-state.js";

/**
 * Forgets the repository's last full syncs when anyone but the app changes
 * an issue or a label, so that the next push reads the issues again and
 * repairs what was changed (a push whose ideas did not change otherwise
 * reads none). The app's own writes come back as such events too, and are
 * ignored. Costs no request but, once, the app's login.
 */
export function handleIssueChange(state: AppState) {
  return async (context: Context<"issues" | "label">): Promise<void> => {
    const { sender, repository } = context.payload;
    if (!repository) return;
    if (sender?.login === (await state.botLogin().catch(() => null))) return;
    state.synced.forget(repository.full_name);
  };
}
