/**
 * Issues and labels of one repository, in memory, behaving as GitHub does
 * for the writes ideas-sync makes.
 */
import type { Action, IssueSnapshot, Plan } from "../plan/types.js";

/** A comment on an issue. */
export interface MemoryComment {
  issue: number;
  body: string;
}

/** Writes a plan made, by kind. */
export interface AppliedCounts {
  created: number;
  updated: number;
  closed: number;
  reopened: number;
  renamed: number;
  labels: number;
  comments: number;
  /** Every API write: label and issue creations, updates, comments. */
  writes: number;
}

/**
 * A repository's issues held in memory: numbers are given in order, label
 * names are unique regardless of case, titles and bodies are held to
 * GitHub's limits.
 */
export class MemoryIssues {
  readonly issues: IssueSnapshot[] = [];
  readonly labels: string[] = [];
  readonly comments: MemoryComment[] = [];
  // Issue numbers are positions: issue n is issues[n - 1].

  /** Adds an issue as a person would, outside ideas-sync. */
  add(issue: Omit<IssueSnapshot, "number">): IssueSnapshot {
    const created = { ...issue, number: this.issues.length + 1 };
    this.issues.push(created);
    return created;
  }

  /** The issues as the REST API would list them, copied. */
  snapshot(): IssueSnapshot[] {
    return this.issues.map((issue) => ({ ...issue, labels: [...issue.labels] }));
  }

  /**
   * Applies every action of a plan, in order.
   * @throws Error when an action is one GitHub would refuse (422)
   */
  apply(plan: Plan): AppliedCounts {
    const counts: AppliedCounts = {
      created: 0,
      updated: 0,
      closed: 0,
      reopened: 0,
      renamed: 0,
      labels: 0,
      comments: 0,
      writes: 0,
    };
    for (const action of plan.actions) this.#applyOne(action, counts);
    return counts;
  }

  #applyOne(action: Action, counts: AppliedCounts): void {
    switch (action.type) {
      case "create-label":
        if (this.labels.some((label) => label.toLowerCase() === action.label.toLowerCase())) {
          throw new Error(`422: label "${action.label}" already exists`);
        }
        checkLabel(action.label);
        this.labels.push(action.label);
        counts.labels += 1;
        counts.writes += 1;
        return;
      case "create-issue":
        checkIssue(action.title, action.body);
        action.labels.forEach((label) => this.#requireLabel(label));
        this.issues.push({
          number: this.issues.length + 1,
          title: action.title,
          body: action.body,
          state: "open",
          stateReason: null,
          labels: [...action.labels],
        });
        counts.created += 1;
        counts.writes += 1;
        return;
      case "update-issue":
        this.#patch(action.number, action.changes);
        counts.updated += 1;
        counts.writes += 1;
        return;
      case "close-issue":
        if (action.comment) this.#comment(action.number, action.comment, counts);
        this.#patch(action.number, action.changes);
        counts.closed += 1;
        counts.writes += 1;
        return;
      case "reopen-issue":
        this.#patch(action.number, action.changes);
        if (action.comment) this.#comment(action.number, action.comment, counts);
        counts.reopened += 1;
        counts.writes += 1;
        return;
      case "comment":
        this.#comment(action.number, action.body, counts);
        counts.renamed += 1;
        return;
    }
  }

  #patch(number: number, changes: Parameters<typeof applyChanges>[1]): void {
    const issue = this.issues[number - 1];
    if (!issue) throw new Error(`404: no issue #${number}`);
    changes.labels?.forEach((label) => this.#requireLabel(label));
    applyChanges(issue, changes);
    checkIssue(issue.title, issue.body);
  }

  #comment(number: number, body: string, counts: AppliedCounts): void {
    if (!this.issues[number - 1]) throw new Error(`404: no issue #${number}`);
    this.comments.push({ issue: number, body });
    counts.comments += 1;
    counts.writes += 1;
  }

  // GitHub creates a missing label on the fly when an issue uses it; ideas-sync
  // creates its labels first, so a missing one here is a planning mistake.
  #requireLabel(label: string): void {
    if (
      !this.labels.some(
        (existing) =>
          existing.length === label.length && existing.toLowerCase() === label.toLowerCase(),
      )
    ) {
      throw new Error(`the plan uses the label "${label}" before creating it`);
    }
  }
}

function applyChanges(
  issue: IssueSnapshot,
  changes: {
    title?: string;
    body?: string;
    labels?: string[];
    state?: "open" | "closed";
    stateReason?: string;
  },
): void {
  if (changes.title !== undefined) issue.title = changes.title;
  if (changes.body !== undefined) issue.body = changes.body;
  if (changes.labels !== undefined) issue.labels = [...changes.labels];
  if (changes.state !== undefined) {
    issue.state = changes.state;
    issue.stateReason =
      changes.stateReason ?? (changes.state === "closed" ? "completed" : "reopened");
  }
}

function checkIssue(title: string, body: string): void {
  if (title.length === 0 || title.length > 256)
    throw new Error(`422: title of ${title.length} characters`);
  if (body.length > 65_536) throw new Error(`422: body of ${body.length} characters`);
}

function checkLabel(label: string): void {
  if (label.length === 0 || label.length > 50)
    throw new Error(`422: label name of ${label.length} characters`);
}
