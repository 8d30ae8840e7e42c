/**
 * One run of the Action over a configuration's documents at a commit, and
 * its check runs.
 */
import { inSync } from "../app/in-sync.js";
import { syncDocuments } from "../app/sync-documents.js";
import { reportOutcome } from "../app/report-outcome.js";
import type { DocumentOutcome } from "../app/types.js";
import type { Config } from "../config/config-schema.js";
import { paceCreations } from "../github/pace-creations.js";
import { countRequests } from "../github/count-requests.js";
import type { CheckRunReport } from "../github/create-check-run.js";
import { howToConfirm } from "./how-to-confirm.js";
import { postCheckRun } from "./post-check-run.js";
import type { ActionContext, DocumentReport } from "./types.js";

/** Where the run happens. */
export interface ActionTarget {
  /** The commit the check runs go on. */
  sha: string;
  /** The commit whose documents are synced, when not `sha` (a push no longer the branch head). */
  documentSha?: string;
  /** The branch a confirmation runs the workflow on. */
  branch: string;
  repositoryUrl: string;
}

/** Where the rest of a run's work is written from, in an Action. */
const NEXT_RUN = "the next push, the next scheduled run, or running the workflow by hand";

/**
 * Syncs (or previews) the configuration's documents, `paths` only when
 * given, with the app's run (src/app/sync-documents.ts: the same plan,
 * guards, write cap and pacing), and leaves one check run per document, as
 * the app does, without its buttons: nothing can press them for a workflow.
 * A blocked plan says instead how to confirm it with the `confirm` input.
 */
export async function syncAndReport(
  context: ActionContext,
  target: ActionTarget,
  config: Config,
  options: { paths: ReadonlySet<string> | null; mode: "apply" | "preview" },
): Promise<DocumentReport[]> {
  const { octokit, environment } = context;
  const requests = countRequests(octokit);
  // A workflow run counts only its own creations: the count starts with it.
  paceCreations(
    octokit,
    { times: [], clock: null },
    { sleep: context.sleep, maxWaitMs: context.maxWaitSeconds * 1000 },
  );
  const documents = config.documents.filter(
    (document) => !options.paths || options.paths.has(document.path),
  );
  const confirm = environment.confirm;
  const outcomes = await syncDocuments({
    octokit,
    repo: environment.repo,
    repositoryUrl: target.repositoryUrl,
    sha: target.documentSha ?? target.sha,
    config,
    documents,
    mode: options.mode,
    // The input names a plan by its digest alone, not by its document: it
    // is offered to every document, and holds for the one whose plan has it.
    remembered: confirm
      ? documents.map((document) => ({ path: document.path, blob: "", digest: confirm }))
      : [],
    botLogin: environment.creator,
    ownLogin: false,
    apply: {
      sleep: context.sleep,
      maxWaitSeconds: context.maxWaitSeconds,
      spacingMs: context.writeSpacingMs,
      log: context.log,
    },
  });
  const late = target.documentSha !== undefined && target.documentSha !== target.sha;
  const reports: DocumentReport[] = [];
  for (const found of outcomes) {
    const digest = found.kind === "blocked" ? (found.confirmation?.digest ?? null) : null;
    const outcome = forWorkflow(found, digest, confirm, environment.workflowFile, target.branch);
    const report = withoutButtons(
      reportOutcome(outcome, {
        name: config.documents.length === 1 ? "ideas-sync" : `ideas-sync: ${outcome.path}`,
        sha: target.sha,
        repositoryUrl: target.repositoryUrl,
        requests: { reads: requests.reads, writes: requests.writes },
        nextRun: NEXT_RUN,
      }),
    );
    if (late) {
      // The document was read at the head: its line numbers are not this commit's.
      delete report.annotations;
      report.summary = `This push is no longer the head of ${target.branch}, so the document was synced as it is at the head, ${target.documentSha?.slice(0, 7)}.\n\n${report.summary}`;
    }
    const checkRunUrl =
      late && inSync(outcome)
        ? null
        : await postCheckRun(octokit, environment.repo, report, context.log);
    context.log({ path: outcome.path, outcome: outcome.kind }, report.title);
    reports.push({ outcome, report, checkRunUrl, digest });
  }
  return reports;
}

// A blocked plan tells how to confirm it from a workflow, and why a confirm
// input given did not apply to it.
function forWorkflow(
  outcome: DocumentOutcome,
  digest: string | null,
  confirm: string | null,
  workflowFile: string | null,
  branch: string,
): DocumentOutcome {
  if (outcome.kind !== "blocked") return outcome;
  return {
    ...outcome,
    plan: {
      ...outcome.plan,
      blocks: outcome.plan.blocks.map((block) =>
        block.confirm && digest
          ? { ...block, confirm: howToConfirm(digest, workflowFile, branch) }
          : block,
      ),
    },
    refused: confirm
      ? `the confirm input ${confirm} is not this plan's digest${digest ? ` (${digest})` : ""}: the document, the issues or the branch changed since the plan it names was made, or it names another document's plan`
      : null,
  };
}

function withoutButtons(report: CheckRunReport): CheckRunReport {
  const { actions: _actions, externalId: _externalId, ...rest } = report;
  return rest;
}
