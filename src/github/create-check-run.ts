/**
 * Check runs: where maintainers read what a sync did.
 */
import type { Octokit, RepoRef } from "./octokit.js";

/** GitHub accepts at most this many annotations per request. */
export const ANNOTATIONS_MAX = 50;

/** GitHub's limit on a check run's summary and text. */
const OUTPUT_MAX = 65_535;

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
 * Creates a completed check run on a commit (one request; annotations past
 * the first 50 are left out, so the report's summary must say so).
 * @returns the check run's web address
 */
export async function createCheckRun(
  octokit: Octokit,
  repo: RepoRef,
  report: CheckRunReport,
): Promise<string> {
  const { data } = await octokit.rest.checks.create({
    ...repo,
    name: report.name,
    head_sha: report.headSha,
    status: "completed",
    conclusion: report.conclusion,
    details_url: report.detailsUrl,
    ...(report.externalId ? { external_id: report.externalId } : {}),
    output: {
      title: report.title.slice(0, 255),
      summary: cut(report.summary),
      annotations: (report.annotations ?? []).slice(0, ANNOTATIONS_MAX).map((annotation) => ({
        path: annotation.path,
        start_line: annotation.line,
        end_line: annotation.line,
        annotation_level: annotation.level,
        message: annotation.message,
        ...(annotation.title ? { title: annotation.title } : {}),
      })),
    },
    ...(report.actions?.length ? { actions: report.actions } : {}),
  });
  return data.html_url ?? "";
}

function cut(text: string): string {
  if (text.length <= OUTPUT_MAX) return text;
  const note = "\n\n… (cut: the summary is longer than a check run can show)";
  return text.slice(0, OUTPUT_MAX - note.length) + note;
}
