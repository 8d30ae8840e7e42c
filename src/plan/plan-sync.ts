/**
 * Ideas + issues + configuration → the plan of writes. Pure.
 */
import type { DocumentConfig } from "../config/config-schema.js";
import type { Idea, IdeasDocument } from "../document/types.js";
import { titleSlug } from "../document/title-slug.js";
import { checkGuards } from "./check-guards.js";
import { renameDigest, withNote } from "./comment-note.js";
import { BODY_MAX, issueContent } from "./issue-content.js";
import { readIssueBody, writeIssueBody } from "./issue-body.js";
import { readDashboardBody } from "./dashboard-body.js";
import { fieldLabels, type FieldLabel } from "./field-labels.js";
import { labelDescription } from "./label-description.js";
import {
  matchIssues,
  type ManagedIssue,
  type MatchedBy,
  type UnmarkedIssue,
} from "./match-issues.js";
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
  /**
   * The descriptions of the repository's labels by name, when they were
   * listed: a section label a person renamed on GitHub is found by the
   * description ideas-sync gave it, and used under its new name.
   */
  labelDescriptions?: ReadonlyMap<string, string>;
  config: DocumentConfig;
  /**
   * Paths no configured document has any more whose issues this document
   * takes over (it was moved there): their markers are rewritten to its path.
   */
  adopt?: readonly string[];
  /**
   * The login ideas-sync creates issues as. An issue it created that lost its
   * marker is still its idea's issue; without a login, only issues showing a
   * remnant of a region are taken for such.
   */
  appLogin?: string | null;
}

const TITLE_MAX = 256;

/**
 * Plans one sync of one document:
 *  1. find the managed issues of this document (by the marker in their body),
 *     and issues ideas-sync made that lost their marker;
 *  2. pair ideas with issues (see matchIssues: key, text, retitles, restored);
 *  3. per idea: create its issue, or update what changed, or reopen it when
 *     ideas-sync had closed it; note renames; move the field labels whose
 *     field's value changed (see fieldLabels);
 *  4. close the issues of ideas that are gone;
 *  5. create the labels those writes need;
 *  6. check the guards.
 * Never rewrites an issue whose idea did not change and whose region is
 * intact, never touches an issue without a marker unless ideas-sync made it,
 * never removes a label it did not set, never reopens what a person closed,
 * never creates a second issue for an idea that has one.
 * @returns the plan: actions in a deterministic order, and why it is blocked, if it is
 */
export function planSync(input: PlanInput): Plan {
  const { document, source, config } = input;
  const ideas = document.sections.flatMap((section) => section.ideas);
  const tracking = config["tracking-label"];
  const actual = renamedLabels(input.labelDescriptions, source.path);

  // 1.
  const { managed, unmarked } = findIssues(input);

  // 2.
  const match = matchIssues(ideas, managed, unmarked);

  // 3.
  const ideaActions: Action[] = [];
  // The field labels each idea gets, and how to create them.
  const fieldsByKey = new Map<string, string[]>();
  const fieldStyles = new Map<string, FieldLabel>();
  for (const idea of ideas) {
    const found = match.byIdea.get(idea.key);
    // The section label as configured, recorded in the marker; and its name
    // on GitHub, which a person may have changed.
    const section = sectionLabel(idea.section, config);
    const labels = [tracking, ...(section ? [actual(section)] : [])];
    const fieldLabelsOfIdea = fieldLabels(idea, config);
    for (const label of fieldLabelsOfIdea) fieldStyles.set(label.name, label);
    const fields = fieldLabelsOfIdea
      .map((label) => label.name)
      .filter((name) => !labels.some((label) => label.toLowerCase() === name.toLowerCase()));
    // Most ideas have none: a map of every idea's is slow to build.
    if (fields.length > 0) fieldsByKey.set(idea.key, fields);
    if (!found) {
      ideaActions.push({
        type: "create-issue",
        key: idea.key,
        title: cutTitle(idea.title),
        body: writeIssueBody(issueContent(idea, source), {
          path: source.path,
          key: idea.key,
          hash: idea.hash,
          section,
          tracking,
          ...(fields.length > 0 ? { fields } : {}),
        }),
        labels: [...labels, ...fields],
        why: `"${idea.title}" (line ${idea.line}) has no issue yet`,
      });
      continue;
    }
    const { entry, by } = found;
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
        fields,
        actual,
        by,
        source,
        config,
      }),
    );
  }

  // 4.
  const closeActions: Action[] = [];
  for (const entry of match.orphans) {
    if (entry.issue.state !== "open" || entry.read.marker.removed) continue;
    const closes = (entry.read.marker.closes ?? 0) + 1;
    const body = writeIssueBody(
      entry.read.damaged ? entry.read.content || "(removed from the document)" : entry.read.content,
      { ...entry.read.marker, removed: true, closes },
      entry.read,
    );
    const commit = `${source.repositoryUrl}/commit/${source.sha}`;
    closeActions.push({
      type: "close-issue",
      number: entry.issue.number,
      key: entry.read.marker.key,
      title: entry.issue.title,
      comment: config.comments.close
        ? withNote(
            neutralizeMentions(
              `This idea was removed from \`${source.path}\` in ${commit}, so this issue is closed as not planned. If it comes back, ideas-sync reopens this issue.`,
            ),
            `close:${entry.read.marker.key}:${closes}`,
          )
        : null,
      priorComments: entry.issue.comments ?? 0,
      changes: { state: "closed", stateReason: "not_planned", body },
      why: `"${entry.issue.title}" is no longer in the document`,
    });
  }

  // An issue whose marker a person deleted, whose idea is gone: its source
  // line says it was this document's, so it is closed like the others.
  const paths = new Set([source.path, ...(input.adopt ?? [])]);
  for (const entry of match.unmarkedOrphans) {
    const path = entry.read.remnantPath;
    if (entry.issue.state !== "open" || path === null || !paths.has(path)) continue;
    const key = titleSlug(entry.issue.title);
    closeActions.push({
      type: "close-issue",
      number: entry.issue.number,
      key,
      title: entry.issue.title,
      comment: config.comments.close
        ? withNote(
            `This idea is no longer in \`${source.path}\` (${source.repositoryUrl}/commit/${source.sha}), so this issue is closed as not planned. If it comes back, ideas-sync reopens this issue.`,
            `close:${key}:1`,
          )
        : null,
      priorComments: entry.issue.comments ?? 0,
      changes: {
        state: "closed",
        stateReason: "not_planned",
        body: writeIssueBody(
          entry.read.content || "(removed from the document)",
          { path: source.path, key, hash: "", removed: true, closes: 1 },
          entry.read,
        ),
      },
      why: `"${entry.issue.title}" is no longer in the document (its ideas-sync region had been damaged)`,
    });
  }

  // 5.
  const have = new Set(input.labels.map((label) => label.toLowerCase()));
  // Only ideas-sync's own labels are created: the tracking label and section
  // labels of issues it writes labels to.
  // Built when a label update needs it: most syncs have none.
  let ideaByKey: Map<string, Idea> | undefined;
  const needed = new Set<string>();
  for (const action of ideaActions) {
    if (action.type === "create-issue") action.labels.forEach((label) => needed.add(label));
    if (
      (action.type === "update-issue" || action.type === "reopen-issue") &&
      action.changes.labels
    ) {
      ideaByKey ??= new Map(ideas.map((idea) => [idea.key, idea]));
      const idea = ideaByKey.get(action.key);
      const section = idea ? sectionLabel(idea.section, config) : null;
      needed.add(tracking);
      if (section) needed.add(actual(section));
      // Field labels the update puts on.
      const have = new Set(action.current.labels?.map((label) => label.toLowerCase()));
      for (const label of fieldsByKey.get(action.key) ?? [])
        if (
          !have.has(label.toLowerCase()) &&
          action.changes.labels.some((name) => name.toLowerCase() === label.toLowerCase())
        )
          needed.add(label);
    }
  }
  const labelActions: Action[] = [...needed]
    .filter((label) => !have.has(label.toLowerCase()))
    .sort()
    .map((label) => {
      const field = label === tracking ? undefined : fieldStyles.get(label);
      return {
        type: "create-label",
        label,
        color: label === tracking ? "1d76db" : field ? fieldColor(field) : "c5def5",
        description:
          label === tracking
            ? labelDescription("An idea from", source.path)
            : field
              ? fieldDescription(field, source.path)
              : sectionDescription(label, source.path),
        why: `the label "${label}" does not exist yet`,
      };
    });

  // 6.
  const actions = [...labelActions, ...ideaActions, ...closeActions];
  const openManaged = managed.filter((entry) => entry.issue.state === "open").length;
  return {
    path: source.path,
    sha: source.sha,
    actions,
    blocks: checkGuards({ document, closes: closeActions.length, openManaged, config }),
    summary: { ideas: ideas.length, managedIssues: managed.length, openManagedIssues: openManaged },
    ...(match.conflicts.length > 0 ? { conflicts: match.conflicts } : {}),
  };
}

function findIssues(input: PlanInput): { managed: ManagedIssue[]; unmarked: UnmarkedIssue[] } {
  const paths = new Set([input.source.path, ...(input.adopt ?? [])]);
  const managed: ManagedIssue[] = [];
  const unmarked: UnmarkedIssue[] = [];
  for (const issue of input.issues) {
    // A dashboard is no idea's issue, though ideas-sync made it.
    if (readDashboardBody(issue.body)) continue;
    const read = readIssueBody(issue.body);
    if (read.marker) {
      if (paths.has(read.marker.path)) managed.push({ issue, read: read as ManagedIssue["read"] });
    } else if (
      read.remnant ||
      (input.appLogin && issue.creator?.toLowerCase() === input.appLogin.toLowerCase())
    ) {
      unmarked.push({ issue, read });
    }
  }
  return { managed, unmarked };
}

interface Wanted {
  content: () => string;
  section: string | null;
  labels: string[];
  /** The field labels the idea's fields give (see fieldLabels). */
  fields: string[];
  /** A label's name on GitHub, for the name ideas-sync gave it. */
  actual: (label: string) => string;
  by: MatchedBy;
  source: DocumentSource;
  config: DocumentConfig;
}

function updateActions(idea: Idea, entry: ManagedIssue | UnmarkedIssue, wanted: Wanted): Action[] {
  const { issue, read } = entry;
  const marker = read.marker;
  const moved = marker !== null && marker.path !== wanted.source.path;
  const textChanged = !marker || marker.hash !== idea.hash || marker.key !== idea.key || moved;
  const sectionChanged = (marker?.section ?? null) !== wanted.section;
  // The tracking label changed in the configuration: the one ideas-sync set
  // goes, the new one comes. (Markers written before ideas-sync recorded it
  // get the new one when the issue is written anyway.)
  const tracking = wanted.config["tracking-label"];
  const trackingChanged =
    marker?.tracking !== undefined && marker.tracking.toLowerCase() !== tracking.toLowerCase();
  // The field labels ideas-sync set, recorded in the marker, against those
  // the fields give now: only a difference moves labels, so a field label a
  // person took off stays off until its field's value changes.
  const recorded = marker?.fields ?? [];
  const lower = (labels: readonly string[]) => new Set(labels.map((l) => l.toLowerCase()));
  const wantedFields = lower(wanted.fields);
  const recordedFields = lower(recorded);
  const fieldsChanged =
    wantedFields.size !== recordedFields.size ||
    [...wantedFields].some((label) => !recordedFields.has(label));
  const comeBack = issue.state === "closed" && marker?.removed === true;
  // A person reopened it after ideas-sync closed it, and now the idea is back:
  // the record that ideas-sync closed it goes, so that a later removal closes it again.
  const reopened = issue.state === "open" && marker?.removed === true;
  // A person closed it: it stays closed, and ideas-sync leaves it be.
  if (issue.state === "closed" && !comeBack) return [];
  const changes: IssueChanges = {};
  const current: IssueChanges = {};
  if (
    textChanged ||
    read.damaged ||
    comeBack ||
    sectionChanged ||
    reopened ||
    trackingChanged ||
    fieldsChanged
  ) {
    const body = writeIssueBody(
      wanted.content(),
      {
        path: wanted.source.path,
        key: idea.key,
        hash: idea.hash,
        section: wanted.section,
        tracking,
        ...(wanted.fields.length > 0 ? { fields: wanted.fields } : {}),
        ...(marker?.closes ? { closes: marker.closes } : {}),
      },
      read,
    );
    if (body !== (issue.body ?? "").replace(/\r\n?/g, "\n")) {
      changes.body = body;
      current.body = issue.body;
    }
  }
  // A restored issue keeps the title a person may have given it.
  const title = cutTitle(idea.title);
  if (marker && textChanged && title !== issue.title) {
    changes.title = title;
    current.title = issue.title;
  }
  if (textChanged || sectionChanged || comeBack || trackingChanged || fieldsChanged) {
    // Take off only the labels ideas-sync set, under the names they have now;
    // keep every other label. GitHub label names are case-insensitive.
    const mine = (label: string | null | undefined) =>
      label ? wanted.actual(label).toLowerCase() : "";
    const gone = new Set(
      [
        sectionChanged ? mine(marker?.section) : "",
        trackingChanged ? (marker?.tracking ?? "").toLowerCase() : "",
      ].filter((label) => label !== ""),
    );
    // Field labels: the ones set for a value that is gone go, the new ones come.
    if (fieldsChanged) {
      for (const label of recordedFields) if (!wantedFields.has(label)) gone.add(label);
    }
    for (const label of wanted.labels) gone.delete(label.toLowerCase());
    for (const label of wantedFields) gone.delete(label);
    const labels = issue.labels.filter((label) => !gone.has(label.toLowerCase()));
    const have = new Set(labels.map((label) => label.toLowerCase()));
    for (const label of wanted.labels) if (!have.has(label.toLowerCase())) labels.push(label);
    for (const label of wanted.fields) {
      if (!recordedFields.has(label.toLowerCase()) && !have.has(label.toLowerCase())) {
        labels.push(label);
        have.add(label.toLowerCase());
      }
    }
    if (
      labels.length !== issue.labels.length ||
      labels.some((label, i) => label !== issue.labels[i])
    ) {
      changes.labels = labels;
      current.labels = issue.labels;
    }
  }
  const renamed = wanted.by === "retitle" && changes.title !== undefined;
  const actions: Action[] = [];
  const why = comeBack
    ? `"${idea.title}" is back in the document`
    : !marker
      ? "its ideas-sync region was removed from the issue: restored, people's text kept"
      : renamed
        ? `"${issue.title}" was retitled "${idea.title}" in the document`
        : [
            moved ? `the document moved from ${marker.path}` : null,
            textChanged && !moved ? "its text changed in the document" : null,
            read.damaged && !textChanged
              ? "its maintained text was edited or damaged in the issue"
              : null,
            sectionChanged ? `it moved to the section "${idea.section ?? "(none)"}"` : null,
            reopened ? "it is in the document, and a person had reopened its issue" : null,
            trackingChanged ? `the tracking label is now "${tracking}"` : null,
            fieldsChanged && !textChanged
              ? `its field labels are now ${wanted.fields.map((label) => `"${label}"`).join(", ") || "none"}`
              : null,
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
        ? withNote(
            neutralizeMentions(
              `This idea is back in \`${wanted.source.path}\` (${wanted.source.repositoryUrl}/commit/${wanted.source.sha}), so this issue is open again.`,
            ),
            `reopen:${marker?.key ?? idea.key}:${marker?.closes ?? 0}`,
          )
        : null,
      priorComments: issue.comments ?? 0,
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
  if (renamed && wanted.config.comments.rename) {
    // The comment goes first: should the update then fail, the next run finds
    // the comment by its note and writes only the update.
    actions.unshift({
      type: "comment",
      number: issue.number,
      key: idea.key,
      title: idea.title,
      body: withNote(
        neutralizeMentions(
          `The idea was renamed in \`${wanted.source.path}\` from "${issue.title}" to "${idea.title}" (${wanted.source.repositoryUrl}/commit/${wanted.source.sha}). This issue keeps its discussion.`,
        ),
        `rename:${idea.key}:${renameDigest(issue.title, title)}`,
      ),
      priorComments: issue.comments ?? 0,
      why,
    });
  }
  return actions;
}

function cutTitle(idea: string): string {
  const title = neutralizeMentions(idea);
  return shorten(title, TITLE_MAX);
}

// A color per field-labels rule, so that difficulty and size read apart.
const FIELD_COLORS = ["fbca04", "0e8a16", "5319e7", "d93f0b", "006b75", "e99695"];

function fieldColor(label: FieldLabel): string {
  return label.rule.color ?? (FIELD_COLORS[label.index % FIELD_COLORS.length] as string);
}

function fieldDescription(label: FieldLabel, path: string): string {
  if (label.rule.description !== undefined) return label.rule.description;
  const name = Array.isArray(label.rule.field) ? label.rule.field[0] : label.rule.field;
  return labelDescription(`${name ?? "A field"} of ideas in`, path);
}

/**
 * The description of a section label: it names the label as ideas-sync
 * made it, so that the label is found again after a person renames it.
 */
function sectionDescription(label: string, path: string): string {
  return labelDescription(`Ideas of "${label}" in`, path);
}

/**
 * A label's name on GitHub for the name ideas-sync gave it: the name of the
 * label whose description ideas-sync wrote for that name, when a person
 * renamed it; else the name itself.
 */
function renamedLabels(
  descriptions: ReadonlyMap<string, string> | undefined,
  path: string,
): (label: string) => string {
  if (!descriptions || descriptions.size === 0) return (label) => label;
  const byDescription = new Map<string, string>();
  for (const [name, description] of descriptions) byDescription.set(description, name);
  return (label) => byDescription.get(sectionDescription(label, path)) ?? label;
}
