/**
 * A run and its check runs.
 */
import { inSync } from "./in-sync.js";
import type { Config } from "../config/config-schema.js";
import type { ConfigError } from "../config/parse-config.js";
import { countRequests, type RequestCount } from "../github/count-requests.js";
import { createCheckRun } from "../github/create-check-run.js";
import type { Octokit, RepoRef } from "../github/octokit.js";
import type { AppState } from "./app-state.js";
import { continuationDelay } from "./continuation-delay.js";
import { continueLater } from "./continue-later.js";
import { paceRun } from "./pace-run.js";
import { rememberConfirmations } from "./remember-confirmations.js";
import { reportConfigErrors, reportOutcome } from "./report-outcome.js";
import { syncDocuments, type SyncInput } from "./sync-documents.js";
import type { Confirmation, DocumentOutcome } from "./types.js";

/** Where a run happens. */
export interface RunTarget {
  octokit: Octokit;
  repo: RepoRef;
  repositoryUrl: string;
  /** The commit the check runs go on. */
  sha: string;
  /**
   * The commit whose documents are synced, when it is not `sha`: a push
   * delivered after a newer one is synced at the branch head, never at its
   * own, older commit.
   */
  documentSha?: string;
  log: (fields: Record<string, unknown>, message: string) => void;
  /** The request count when this repository's work began; by default, the event's start. */
  since?: RequestCount;
}

/** A document's outcome and the check run that reports it. */
export interface Reported {
  outcome: DocumentOutcome;
  title: string;
  /** Null when nothing was worth a check run (a late push whose head was in sync). */
  checkRunUrl: string | null;
}

/**
 * Syncs (or previews) documents of a configuration at a commit and leaves
 * one check run per document on that commit.
 */
export async function runAndReport(
  state: AppState,
  target: RunTarget,
  config: Config,
  options: {
    paths?: ReadonlySet<string> | null;
    mode: SyncInput["mode"];
    confirmed?: Confirmation | null;
    /** A push's run: documents whose ideas match their last full sync are not planned again. */
    reuseSynced?: boolean;
  },
): Promise<Reported[]> {
  const requests = countRequests(target.octokit);
  const start = target.since ?? { reads: 0, writes: 0 };
  paceRun(state, target.octokit, target.repo);
  const documents = config.documents.filter(
    (document) => !options.paths || options.paths.has(document.path),
  );
  const repository = `${target.repo.owner}/${target.repo.repo}`;
  const kept = state.confirmations.get(repository) ?? new Map<string, Confirmation>();
  const remembered = documents.flatMap((document) => kept.get(document.path) ?? []);
  const outcomes = await syncDocuments({
    octokit: target.octokit,
    repo: target.repo,
    repositoryUrl: target.repositoryUrl,
    sha: target.documentSha ?? target.sha,
    config,
    documents,
    mode: options.mode,
    confirmed: options.confirmed ?? null,
    remembered,
    botLogin: await state.botLogin(),
    ...(options.reuseSynced ? { synced: { repository, documents: state.synced } } : {}),
    apply: {
      sleep: state.sleep,
      maxWaitSeconds: state.maxWaitSeconds,
      spacingMs: state.writeSpacingMs,
      log: target.log,
    },
  });
  rememberConfirmations(kept, outcomes, (path) =>
    options.confirmed?.path === path ? options.confirmed : (kept.get(path) ?? null),
  );
  if (kept.size > 0) state.confirmations.set(repository, kept);
  else state.confirmations.delete(repository);
  const delay = continuationDelay(outcomes);
  const progressed = outcomes.some(
    (outcome) => outcome.kind === "applied" && outcome.result.writes > 0,
  );
  // As continueLater will decide once the reports are written: a run that
  // wrote something starts the count of continuations in a row again.
  const continues = delay !== null && (progressed || state.continuations.allows(repository));
  const reported: Reported[] = [];
  const late = target.documentSha !== undefined && target.documentSha !== target.sha;
  for (const outcome of outcomes) {
    if (late && inSync(outcome)) {
      target.log({ path: outcome.path }, "delivered late: the branch head was in sync already");
      reported.push({ outcome, title: "in sync", checkRunUrl: null });
      continue;
    }
    const report = reportOutcome(outcome, {
      name: checkRunName(config, outcome.path),
      sha: target.sha,
      repositoryUrl: target.repositoryUrl,
      requests: { reads: requests.reads - start.reads, writes: requests.writes - start.writes },
    });
    if (late) {
      // The document was read at the head: its line numbers are not this commit's.
      delete report.annotations;
      report.summary = `This push was delivered after newer ones, so the document was synced as it is at the branch head, ${target.documentSha?.slice(0, 7)}.\n\n${report.summary}`;
    }
    if (delay !== null && outcome.kind === "applied" && outcome.result.stop?.reason !== "error")
      report.summary += continuationNote(outcome, continues ? delay : null);
    target.log(
      { path: outcome.path, outcome: outcome.kind, conclusion: report.conclusion },
      report.title,
    );
    const checkRunUrl = await createCheckRun(target.octokit, target.repo, report);
    reported.push({ outcome, title: report.title, checkRunUrl });
  }
  // Only once the reports are written: a run that could not report is tried again whole.
  continueLater(state, target, delay, { everyDocument: !options.paths, progressed });
  return reported;
}

// Says when what this document left is written without anyone pressing
// Continue; null `delayMs`: no run starts by itself (too many in a row).
function continuationNote(
  outcome: Extract<DocumentOutcome, { kind: "applied" }>,
  delayMs: number | null,
): string {
  const minutes = (ms: number) => Math.ceil(ms / 60_000);
  if (outcome.result.stop === null) {
    // Only the dashboard is left, and its check run has no Continue button.
    if (outcome.dashboardRefused?.resumeAfterMs == null) return "";
    return delayMs === null
      ? "\n\nToo many runs in a row left work for later, so none starts by itself: the next push writes the dashboard."
      : `\n\nThe dashboard is written by a run that starts by itself in about ${minutes(delayMs)} min, when GitHub's limit resets.`;
  }
  if (delayMs === null)
    return "\n\nToo many runs in a row left work for later, so none starts by itself: Continue, or the next push, writes the rest.";
  return delayMs === 0
    ? "\n\nThe rest is written by a run that starts right after this one; Continue is not needed."
    : `\n\nThe rest is written by a run that starts by itself in about ${minutes(delayMs)} min, when GitHub's limit resets; Continue starts it now.`;
}

/**
 * Leaves a failed check run for a configuration that cannot be used.
 */
export async function reportBadConfig(target: RunTarget, errors: ConfigError[]): Promise<string> {
  const requests = countRequests(target.octokit);
  const report = reportConfigErrors(errors, {
    name: "ideas-sync",
    sha: target.sha,
    repositoryUrl: target.repositoryUrl,
    requests: {
      reads: requests.reads - (target.since?.reads ?? 0),
      writes: requests.writes - (target.since?.writes ?? 0),
    },
  });
  target.log({ errors: errors.length }, report.title);
  return createCheckRun(target.octokit, target.repo, report);
}

// GitHub counts content creation per installation: so does the app.
/** "ideas-sync", or with the document's path when there are several. */
function checkRunName(config: Config, path: string): string {
  return config.documents.length === 1 ? "ideas-sync" : `ideas-sync: ${path}`;
}
