/**
 * The data the reconciler works on: issues as they are, and the plan.
 */

/** An issue as ideas-sync sees it (the fields it needs of GitHub's issue object). */
export interface IssueSnapshot {
  number: number;
  title: string;
  body: string;
  state: "open" | "closed";
  /** GitHub's state_reason: "completed", "not_planned", "reopened" or null. */
  stateReason: string | null;
  labels: string[];
  /** The issue's web address, for links in reports. */
  url?: string;
  /** How many comments it has, when known. */
  comments?: number;
  /** The login of who opened it, when known. */
  creator?: string;
}

/** The hidden record in a managed issue's body. */
export interface Marker {
  /** The document the idea is in. */
  path: string;
  key: string;
  /** Hash of the idea's title and text when ideas-sync last wrote them. */
  hash: string;
  /** Hash of the region as ideas-sync wrote it: a mismatch means a person edited it. */
  region: string;
  /** The section label ideas-sync set, so that it can take it off again. */
  section?: string | null;
  /** The tracking label ideas-sync set, so that a new one in the configuration replaces it. */
  tracking?: string;
  /**
   * The field labels ideas-sync set: when a field's value changes, the label
   * it made goes and the new one comes; other labels are people's.
   */
  fields?: string[];
  /** Set when ideas-sync closed the issue because the idea was removed. */
  removed?: boolean;
  /** How many times ideas-sync closed the issue: each removal is an event of its own. */
  closes?: number;
}

/** Where a document was read from, for links back to it. */
export interface DocumentSource {
  /** Repository path of the document. */
  path: string;
  /** Commit the document was read at. */
  sha: string;
  /** Web address of the repository, as https://github.com/OWNER/REPO. */
  repositoryUrl: string;
}

/** The fields of an issue an update changes. */
export interface IssueChanges {
  title?: string;
  body?: string;
  labels?: string[];
  state?: "open" | "closed";
  stateReason?: "not_planned" | "reopened";
}

/** One write the plan makes, with why. */
export type Action =
  | { type: "create-label"; label: string; color: string; description: string; why: string }
  | {
      type: "create-issue";
      key: string;
      title: string;
      body: string;
      labels: string[];
      why: string;
    }
  | {
      type: "update-issue";
      number: number;
      key: string;
      /** The issue's title once updated, for reports. */
      title: string;
      changes: IssueChanges;
      current: IssueChanges;
      why: string;
    }
  | {
      type: "close-issue";
      number: number;
      key: string;
      title: string;
      /** Posted before closing, when comments on close are on. */
      comment: string | null;
      /** Comments the issue had when listed: when some, the comment is looked for first. */
      priorComments: number;
      /** Written with the close: the marker records that ideas-sync closed it. */
      changes: IssueChanges;
      why: string;
    }
  | {
      type: "reopen-issue";
      number: number;
      key: string;
      title: string;
      /** Posted before reopening. */
      comment: string | null;
      priorComments: number;
      changes: IssueChanges;
      current: IssueChanges;
      why: string;
    }
  | {
      type: "comment";
      number: number;
      key: string;
      title: string;
      body: string;
      priorComments: number;
      why: string;
    };

/**
 * The write that brings a document's dashboard issue up to date: one
 * create or one update. It is no idea issue's action: guards, counts and
 * replays leave it out.
 */
export type DashboardWrite =
  | { type: "create-dashboard"; title: string; body: string; why: string }
  | {
      type: "update-dashboard";
      number: number;
      title: string;
      changes: { title?: string; body?: string };
      why: string;
    };

/** Why a plan may not be applied as it is. */
export interface Block {
  rule: "document-errors" | "no-ideas" | "too-many-closes";
  message: string;
  /** How a maintainer confirms the plan anyway, when that is allowed. */
  confirm: string | null;
}

/** Everything one sync of one document would write. */
export interface Plan {
  path: string;
  sha: string;
  actions: Action[];
  /** Empty when the plan may be applied. */
  blocks: Block[];
  /** Facts for the report: ideas in the document, managed issues found. */
  summary: {
    ideas: number;
    managedIssues: number;
    openManagedIssues: number;
  };
  /**
   * Issues that claim the key of another issue of the same idea (a body
   * copied from one into the other): the kept one is synced, the other is
   * left alone and reported.
   */
  conflicts?: Array<{ key: string; kept: number; other: number }>;
  /**
   * The dashboard write, when one is due, set by whoever shows or applies
   * the plan (see planDashboard): the dashboard lists the issues the plan
   * creates, so it is planned again once they exist.
   */
  dashboard?: DashboardWrite | null;
}
