/**
 * Ideas + issues + configuration → the plan of writes. Pure.
 */
import type { DocumentConfig } from "../config/config-schema.js";
import type { Idea, IdeasDocument } from "../document/types.js";
import { checkGuards } from "./check-guards.js";
import { BODY_MAX, ideaTextOf, issueContent } from "./issue-content.js";
import { readIssueBody, writeIssueBody, type ReadBody } from "./issue-body.js";
import { labelDescription } from "./label-description.js";
import { matchRetitles } from "./match-retitles.js";
import { neutralizeMentions } from "./neutralize-mentions.js";
import { sectionLabel } from "./section-label.js";
import { shorten } from "./shorten.js";
import type { Action, DocumentSource, IssueChanges, IssueSnapshot, Plan } from "./types.js";

/** What the reconciler needs to know. */
export interface PlanInput {
  document: IdeasDocument;
  source: DocumentSource;
  /** Issues of the repository: unmarked ones and other documents' are left alone. */
  issues: readonly IssueSnapshot[];
  /** Names of the labels the repository has. */
  labels: readonly string[];
  config: DocumentConfig;
}

const TITLE_MAX = 256;

interface Managed {
  issue: IssueSnapshot;
  read: ReadBody & { marker: NonNullable<ReadBody["marker"]> };
}

/**
 * Plans one sync of one document:
 *  1. find the managed issues of this document (by the marker in their body);
 *  2. pair ideas with issues by key, then pair the rest by text (retitles);
 *  3. per idea: create its issue, or update what changed, or reopen it when
 *     ideas-sync had closed it; note renames;
 *  4. close the issues of ideas that are gone;
 *  5. create the labels those writes need;
 *  6. check the guards.
 * Never rewrites an issue whose idea did not change and whose region is
 * intact, never touches an issue without a marker, never removes a label it
 * did not set, never reopens what a person closed.
 * @returns the plan: actions in a deterministic order, and why it is blocked, if it is
 */
export function planSync(input: PlanInput): Plan {
  const { document, source, config } = input;
  const ideas = document.sections.flatMap((section) => section.ideas);
  const tracking = config["tracking-label"];

  // 1.
  const managed = findManaged(input.issues, source.path);
  const byKey = new Map<string, Managed>();
  for (const entry of managed) {
    const other = byKey.get(entry.read.marker.key);
    // Should a key ever have two issues, the oldest is its issue.
    if (!other || entry.issue.number < other.issue.number) byKey.set(entry.read.marker.key, entry);
  }

  // 2.
  const ideaKeys = new Set(ideas.map((idea) => idea.key));
  const orphans = [...byKey.values()].filter(
    (entry) =>
      !ideaKeys.has(entry.read.marker.key) &&
      entry.issue.state === "open" &&
      !entry.read.marker.removed,
  );
  const unmatched = ideas.filter((idea) => !byKey.has(idea.key) && !idea.pinned);
  const retitles = matchRetitles(
    unmatched,
    orphans.map((entry) => ({
      number: entry.issue.number,
      text: `${entry.issue.title} ${ideaTextOf(entry.read.content)}`,
    })),
  );
  const byNumber = new Map(managed.map((entry) => [entry.issue.number, entry]));

  // 3.
  const ideaActions: Action[] = [];
  const used = new Set<number>();
  for (const idea of ideas) {
    const retitledFrom = retitles.get(idea.key);
    const entry = retitledFrom !== undefined ? byNumber.get(retitledFrom) : byKey.get(idea.key);
    const section = sectionLabel(idea.section, config);
    const labels = [tracking, ...(section ? [section] : [])];
    if (!entry) {
      ideaActions.push({
        type: "create-issue",
        key: idea.key,
        title: cutTitle(idea.title),
        body: writeIssueBody(issueContent(idea, source), {
          path: source.path,
          key: idea.key,
          hash: idea.hash,
          section,
        }),
        labels,
        why: `"${idea.title}" (line ${idea.line}) has no issue yet`,
      });
      continue;
    }
    used.add(entry.issue.number);
    ideaActions.push(
      ...updateActions(idea, entry, {
        // Built only for the issues that are written: most are not.
        // The region gets the room people's text around it leaves.
        content: () =>
          issueContent(
            idea,
            source,
            BODY_MAX - 600 - entry.read.before.length - entry.read.after.length,
          ),
        section,
        labels,
        retitled: retitledFrom !== undefined,
        source,
        config,
      }),
    );
  }

  // 4.
  const closeActions: Action[] = [];
  for (const entry of [...byKey.values()].sort((a, b) => a.issue.number - b.issue.number)) {
    if (used.has(entry.issue.number) || ideaKeys.has(entry.read.marker.key)) continue;
    if (entry.issue.state !== "open" || entry.read.marker.removed) continue;
    const body = writeIssueBody(
      entry.read.damaged ? entry.read.content || "(removed from the document)" : entry.read.content,
      { ...entry.read.marker, removed: true },
      entry.read,
    );
    const commit = `${source.repositoryUrl}/commit/${source.sha}`;
    closeActions.push({
      type: "close-issue",
      number: entry.issue.number,
      key: entry.read.marker.key,
      title: entry.issue.title,
      comment: config.comments.close
        ? neutralizeMentions(
            `This idea was removed from \`${source.path}\` in ${commit}, so this issue is closed as not planned. If it comes back, ideas-sync reopens this issue.`,
          )
        : null,
      changes: { state: "closed", stateReason: "not_planned", body },
      why: `"${entry.issue.title}" is no longer in the document`,
    });
  }

  // 5.
  const have = new Set(input.labels.map((label) => label.toLowerCase()));
  // Only ideas-sync's own labels are created: the tracking label and section
  // labels of issues it writes labels to.
  const ideaByKey = new Map(ideas.map((idea) => [idea.key, idea]));
  const needed = new Set<string>();
  for (const action of ideaActions) {
    if (action.type === "create-issue") action.labels.forEach((label) => needed.add(label));
    if (
      (action.type === "update-issue" || action.type === "reopen-issue") &&
      action.changes.labels
    ) {
      const idea = ideaByKey.get(action.key);
      const section = idea ? sectionLabel(idea.section, config) : null;
      needed.add(tracking);
      if (section) needed.add(section);
    }
  }
  const labelActions: Action[] = [...needed]
    .filter((label) => !have.has(label.toLowerCase()))
    .sort()
    .map((label) => ({
      type: "create-label",
      label,
      color: label === tracking ? "1d76db" : "c5def5",
      description: labelDescription(
        label === tracking ? "An idea from" : "Ideas in this section of",
        source.path,
      ),
      why: `the label "${label}" does not exist yet`,
    }));

  // 6.
  const actions = [...labelActions, ...ideaActions, ...closeActions];
  const openManaged = managed.filter((entry) => entry.issue.state === "open").length;
  return {
    path: source.path,
    sha: source.sha,
    actions,
    blocks: checkGuards({ document, closes: closeActions.length, openManaged, config }),
    summary: { ideas: ideas.length, managedIssues: managed.length, openManagedIssues: openManaged },
  };
}

function findManaged(issues: readonly IssueSnapshot[], path: string): Managed[] {
  const managed: Managed[] = [];
  for (const issue of issues) {
    const read = readIssueBody(issue.body);
    if (read.marker && read.marker.path === path)
      managed.push({ issue, read: read as Managed["read"] });
  }
  return managed;
}

interface Wanted {
  content: () => string;
  section: string | null;
  labels: string[];
  retitled: boolean;
  source: DocumentSource;
  config: DocumentConfig;
}

function updateActions(idea: Idea, entry: Managed, wanted: Wanted): Action[] {
  const { issue, read } = entry;
  const marker = read.marker;
  const textChanged = marker.hash !== idea.hash || marker.key !== idea.key;
  const sectionChanged = (marker.section ?? null) !== wanted.section;
  const comeBack = issue.state === "closed" && marker.removed === true;
  // A person closed it: it stays closed, and ideas-sync leaves it be.
  if (issue.state === "closed" && !comeBack) return [];
  const changes: IssueChanges = {};
  const current: IssueChanges = {};
  if (textChanged || read.damaged || comeBack || sectionChanged) {
    const body = writeIssueBody(
      wanted.content(),
      { path: wanted.source.path, key: idea.key, hash: idea.hash, section: wanted.section },
      read,
    );
    if (body !== (issue.body ?? "").replace(/\r\n?/g, "\n")) {
      changes.body = body;
      current.body = issue.body;
    }
  }
  const title = cutTitle(idea.title);
  if (textChanged && title !== issue.title) {
    changes.title = title;
    current.title = issue.title;
  }
  if (textChanged || sectionChanged || comeBack) {
    // Take off only the section label ideas-sync set; keep every other label.
    // GitHub label names are case-insensitive.
    const old = (marker.section ?? "").toLowerCase();
    const section = (wanted.section ?? "").toLowerCase();
    const labels = issue.labels.filter((label) => label.toLowerCase() !== old || old === section);
    const have = new Set(labels.map((label) => label.toLowerCase()));
    for (const label of wanted.labels) if (!have.has(label.toLowerCase())) labels.push(label);
    if (
      labels.length !== issue.labels.length ||
      labels.some((label, i) => label !== issue.labels[i])
    ) {
      changes.labels = labels;
      current.labels = issue.labels;
    }
  }
  const actions: Action[] = [];
  const why = comeBack
    ? `"${idea.title}" is back in the document`
    : wanted.retitled
      ? `"${issue.title}" was retitled "${idea.title}" in the document`
      : [
          textChanged ? "its text changed in the document" : null,
          read.damaged && !textChanged
            ? "its maintained text was edited or damaged in the issue"
            : null,
          sectionChanged ? `it moved to the section "${idea.section ?? "(none)"}"` : null,
        ]
          .filter(Boolean)
          .join("; ");
  if (comeBack) {
    // One write reopens the issue and brings its text and labels up to date.
    actions.push({
      type: "reopen-issue",
      number: issue.number,
      key: idea.key,
      title: changes.title ?? issue.title,
      comment: wanted.config.comments.reopen
        ? neutralizeMentions(
            `This idea is back in \`${wanted.source.path}\` (${wanted.source.repositoryUrl}/commit/${wanted.source.sha}), so this issue is open again.`,
          )
        : null,
      changes: { ...changes, state: "open", stateReason: "reopened" },
      current: { ...current, state: issue.state },
      why,
    });
  } else if (Object.keys(changes).length > 0) {
    actions.push({
      type: "update-issue",
      number: issue.number,
      key: idea.key,
      title: changes.title ?? issue.title,
      changes,
      current,
      why,
    });
  }
  if (wanted.retitled && wanted.config.comments.rename) {
    actions.push({
      type: "comment",
      number: issue.number,
      key: idea.key,
      title: idea.title,
      body: neutralizeMentions(
        `The idea was renamed in \`${wanted.source.path}\` from "${issue.title}" to "${idea.title}" (${wanted.source.repositoryUrl}/commit/${wanted.source.sha}). This issue keeps its discussion.`,
      ),
      why,
    });
  }
  return actions;
}

function cutTitle(idea: string): string {
  const title = neutralizeMentions(idea);
  return shorten(title, TITLE_MAX);
}
