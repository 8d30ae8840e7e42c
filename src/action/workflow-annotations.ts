/**
 * A document's problems as the workflow's own annotations, when no check run carries them.
 */
import type { ActionRun } from "./types.js";

/** An annotation as `@actions/core` writes one: `::error file=…,line=…::message`. */
export interface WorkflowAnnotation {
  level: "error" | "warning" | "notice";
  message: string;
  file: string;
  line: number;
  title?: string;
}

/** GitHub shows at most this many annotations of each level per step. */
export const STEP_ANNOTATIONS_MAX = 10;

/**
 * The annotations of the check runs that could not be made (a pull request
 * from a fork gets a read-only token), so that the problems still show on
 * their lines: errors first, at most 10 of each level, as GitHub shows no
 * more per step; the job summary lists them all.
 */
export function workflowAnnotations(run: ActionRun): WorkflowAnnotation[] {
  if (run.kind !== "ran") return [];
  const level = { failure: "error", warning: "warning", notice: "notice" } as const;
  const all = run.documents
    .filter((document) => document.checkRunUrl === null)
    .flatMap(({ report }) => report.annotations ?? [])
    .map((annotation) => ({
      level: level[annotation.level],
      message: annotation.message,
      file: annotation.path,
      line: annotation.line,
      ...(annotation.title ? { title: annotation.title } : {}),
    }));
  return (["error", "warning", "notice"] as const).flatMap((wanted) =>
    all.filter((annotation) => annotation.level === wanted).slice(0, STEP_ANNOTATIONS_MAX),
  );
}
