/**
 * Check runs: where maintainers read what a sync did.
 */
import { shorten } from "../plan/shorten.js";
import { cutToBytes } from "./cut-to-bytes.js";
import type { Octokit, RepoRef } from "./octokit.js";

/** GitHub accepts at most this many annotations per request. */
export const ANNOTATIONS_MAX = 50;

/**
 * The most annotations ideas-sync marks on one check run: all of them, in
 * requests of 50, up to 20 requests (a broken document may have thousands of
 * problems, and each request counts against the hourly limit).
 */
export const ANNOTATIONS_TOTAL_MAX = 1000;

/** GitHub's limit on a check run's summary and text: bytes of UTF-8, not characters. */
const OUTPUT_MAX_BYTES = 65_535;

/** A line of a file a check run points at. */
export interface Annotation {
  path: string;
  line: number;
  level: "notice" | "warning" | "failure";
  message: string;
  title?: string;
}

/** A finished check run, as ideas-sync reports one. */
export interface CheckRunReport {
  name: string;
  headSha: string;
  conclusion: "success" | "neutral" | "failure" | "action_required";
  title: string;
  summary: string;
  /** Where "Details" leads. */
  detailsUrl: string;
  /** Read back when a button is pressed. */
  externalId?: string;
  annotations?: Annotation[];
  /** Buttons: at most 3; label 20, description 40, identifier 20 characters. */
  actions?: Array<{ label: string; description: string; identifier: string }>;
}

/**
 * Creates a completed check run on a commit: one request with the first 50
 * annotations, then one update per further 50, which GitHub appends (past
 * ANNOTATIONS_TOTAL_MAX they are left out, so the report's summary must say
 * so). A summary over GitHub's 65,535 bytes is cut, saying so.
 * @returns the check run's web address
 */
export async function createCheckRun(
  octokit: Octokit,
  repo: RepoRef,
  report: CheckRunReport,
): Promise<string> {
  const annotations = (report.annotations ?? []).slice(0, ANNOTATIONS_TOTAL_MAX).map((a) => ({
    path: a.path,
    start_line: a.line,
    end_line: a.line,
    annotation_level: a.level,
    message: a.message,
    ...(a.title ? { title: a.title } : {}),
  }));
  const title = shorten(report.title, 255);
  const summary = cutToBytes(
    report.summary,
    OUTPUT_MAX_BYTES,
    "\n\n… (cut: the summary is longer than a check run can show)",
  );
  const { data } = await octokit.rest.checks.create({
    ...repo,
    name: report.name,
    head_sha: report.headSha,
    status: "completed",
    conclusion: report.conclusion,
    details_url: report.detailsUrl,
    ...(report.externalId ? { external_id: report.externalId } : {}),
    output: { title, summary, annotations: annotations.slice(0, ANNOTATIONS_MAX) },
    ...(report.actions?.length ? { actions: report.actions } : {}),
  });
  // An update's output needs its title and summary again: the same ones.
  for (let from = ANNOTATIONS_MAX; from < annotations.length; from += ANNOTATIONS_MAX)
    await octokit.rest.checks.update({
      ...repo,
      check_run_id: data.id,
      output: { title, summary, annotations: annotations.slice(from, from + ANNOTATIONS_MAX) },
    });
  return data.html_url ?? "";
}
