/**
 * Ideas + issues → the write that brings a document's dashboard up to date. Pure.
 */
import type { DocumentConfig } from "../config/config-schema.js";
import type { IdeasDocument } from "../document/types.js";
import { readDashboardBody, writeDashboardBody } from "./dashboard-body.js";
import { dashboardContent, type DashboardIssue } from "./dashboard-content.js";
import { readIssueBody } from "./issue-body.js";
import { shorten } from "./shorten.js";
import type { DashboardWrite, DocumentSource, IssueSnapshot } from "./types.js";

/** What planning the dashboard needs. */
export interface DashboardInput {
  document: IdeasDocument;
  source: DocumentSource;
  /** The issues ideas-sync made, as they are now (after the sync's writes). */
  issues: readonly IssueSnapshot[];
  config: DocumentConfig;
}

/**
 * Plans the dashboard of one document: create it when there is none, update
 * its region (and title) when what it shows changed, nothing otherwise.
 * Nothing either when the dashboard is turned off, when the document has
 * errors or no ideas (its plan is blocked), or when a person closed the
 * dashboard (closing it stops it).
 * @returns the one write, or null
 */
export function planDashboard(input: DashboardInput): DashboardWrite | null {
  const { document, source, config } = input;
  if (config.dashboard === false) return null;
  const ideas = document.sections.flatMap((section) => section.ideas);
  if (ideas.length === 0 || document.diagnostics.some((d) => d.severity === "error")) return null;

  // Each idea's issue, by the marker ideas-sync keeps in it; the dashboard,
  // by its own (the oldest, should there be two).
  const byKey = new Map<string, DashboardIssue>();
  let dashboard: {
    issue: IssueSnapshot;
    read: NonNullable<ReturnType<typeof readDashboardBody>>;
  } | null = null;
  for (const issue of [...input.issues].sort((a, b) => a.number - b.number)) {
    const board = readDashboardBody(issue.body);
    if (board) {
      if (board.path === source.path && !dashboard) dashboard = { issue, read: board };
      continue;
    }
    const marker = readIssueBody(issue.body).marker;
    if (!marker || marker.path !== source.path || marker.removed) continue;
    const known = byKey.get(marker.key);
    // Two issues claiming one idea: the open one, else the first, is shown.
    if (known && (known.state === "open" || issue.state !== "open")) continue;
    byKey.set(marker.key, {
      number: issue.number,
      state: issue.state,
      comments: issue.comments ?? 0,
    });
  }

  // "Station ideas" names itself; "Station" and a path get "Ideas: " before them.
  const named = document.title !== null && /\bideas?\b/i.test(document.title);
  const title = shorten(
    named ? (document.title as string) : `Ideas: ${document.title ?? source.path}`,
    256,
  );
  const content = dashboardContent(document, byKey, source, config);
  if (!dashboard) {
    return {
      type: "create-dashboard",
      title,
      body: writeDashboardBody(content, source.path),
      why: `the ideas of ${source.path} have no dashboard yet`,
    };
  }
  const { issue, read } = dashboard;
  if (issue.state === "closed") return null;
  const body = writeDashboardBody(content, source.path, read);
  const changes: { title?: string; body?: string } = {};
  if (body !== (issue.body ?? "").replace(/\r\n?/g, "\n")) changes.body = body;
  if (title !== issue.title) changes.title = title;
  if (Object.keys(changes).length === 0) return null;
  return {
    type: "update-dashboard",
    number: issue.number,
    title,
    changes,
    why: changes.body
      ? read.intact
        ? "the ideas, their issues or their comments changed"
        : "its list was edited or damaged in the issue: restored, people's text kept"
      : "the document's title changed",
  };
}
