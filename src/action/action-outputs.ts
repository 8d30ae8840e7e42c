/**
 * The step's outputs, for later steps of the job.
 */
import type { ActionRun } from "./types.js";

/**
 * The outputs a run sets:
 * - `result`: skipped, refused, bad-config, failed (a document could not be
 *   read or synced), blocked, preview, applied (something was written) or
 *   in-sync, the first that applies to some document in this order;
 * - `digest`: the digests of blocked plans that may be confirmed, separated by spaces;
 * - `created`, `updated`, `closed`, `reopened`: issues written so;
 * - `left`: writes left for a later run;
 * - `check-run-url`: the first document's check run.
 */
export function actionOutputs(run: ActionRun): Record<string, string> {
  if (run.kind !== "ran")
    return {
      result: run.kind,
      digest: "",
      created: "0",
      updated: "0",
      closed: "0",
      reopened: "0",
      left: "0",
      "check-run-url": run.kind === "bad-config" ? (run.checkRunUrl ?? "") : "",
    };
  const kinds = new Set(run.documents.map((d) => d.outcome.kind));
  const count = { created: 0, updated: 0, closed: 0, reopened: 0, left: 0 };
  for (const { outcome } of run.documents) {
    if (outcome.kind !== "applied") continue;
    count.left += outcome.result.deferred.length;
    for (const { action } of outcome.result.applied) {
      if (action.type === "create-issue") count.created += 1;
      else if (action.type === "update-issue") count.updated += 1;
      else if (action.type === "close-issue") count.closed += 1;
      else if (action.type === "reopen-issue") count.reopened += 1;
    }
  }
  const wrote = run.documents.some(
    (d) => d.outcome.kind === "applied" && d.outcome.result.writes > 0,
  );
  const result =
    kinds.has("unreadable") || kinds.has("failed")
      ? "failed"
      : kinds.has("blocked")
        ? "blocked"
        : run.mode === "preview"
          ? "preview"
          : wrote
            ? "applied"
            : "in-sync";
  return {
    result,
    digest: run.documents.flatMap((d) => (d.digest ? [d.digest] : [])).join(" "),
    created: String(count.created),
    updated: String(count.updated),
    closed: String(count.closed),
    reopened: String(count.reopened),
    left: String(count.left),
    "check-run-url": run.documents.find((d) => d.checkRunUrl)?.checkRunUrl ?? "",
  };
}
