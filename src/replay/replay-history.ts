/**
 * Syncing a document's successive revisions into an in-memory repository.
 */
import type { DocumentConfig } from "../config/config-schema.js";
import { readDocument } from "../document/read-document.js";
import type { DocumentOptions } from "../document/types.js";
import { readIssueBody } from "../plan/issue-body.js";
import { countWrites } from "../plan/plan-json.js";
import { planSync } from "../plan/plan-sync.js";
import type { Block } from "../plan/types.js";
import { MemoryIssues } from "./memory-issues.js";

/** One revision of the document. */
export interface Revision {
  /** A file name or commit, for the report. */
  name: string;
  content: string | Uint8Array;
  /** The commit, for links (default: the name). */
  sha?: string;
}

/** What one revision's sync did, or would have done when it stayed blocked. */
export interface ReplayStep {
  revision: string;
  created: number;
  updated: number;
  closed: number;
  reopened: number;
  renamed: number;
  blocked: boolean;
  /** API writes the step made (or would have made, when blocked). */
  writes: number;
  blocks: Block[];
  /** True when the plan was applied (not blocked, or confirmed with force). */
  applied: boolean;
}

/** An issue at the end of a replay. */
export interface ReplayIssue {
  number: number;
  title: string;
  state: "open" | "closed";
  key: string | null;
  section: string | null;
  labels: string[];
}

/**
 * Syncs each revision in turn, as ideas-sync would on each push, into
 * issues held in memory.
 * @param force apply blocked plans when their block may be confirmed (too
 *   many closes); a document with errors or without ideas is never applied
 */
export function replayHistory(
  revisions: readonly Revision[],
  settings: {
    config: DocumentConfig;
    options: DocumentOptions;
    path: string;
    repositoryUrl: string;
    force: boolean;
  },
): { steps: ReplayStep[]; issues: ReplayIssue[]; store: MemoryIssues } {
  const store = new MemoryIssues();
  const sectionOf = new Map<string, string | null>();
  const steps: ReplayStep[] = [];
  for (const revision of revisions) {
    const document = readDocument(revision.content, settings.options);
    const plan = planSync({
      document,
      source: {
        path: settings.path,
        sha: revision.sha ?? revision.name,
        repositoryUrl: settings.repositoryUrl,
      },
      issues: store.snapshot(),
      labels: store.labels,
      config: settings.config,
    });
    const blocked = plan.blocks.length > 0;
    const confirmable = plan.blocks.every((block) => block.confirm !== null);
    const applied = !blocked || (settings.force && confirmable);
    if (applied) store.apply(plan);
    const count = (type: string) => plan.actions.filter((action) => action.type === type).length;
    if (applied)
      for (const section of document.sections)
        for (const idea of section.ideas) sectionOf.set(idea.key, section.title);
    steps.push({
      revision: revision.name,
      created: count("create-issue"),
      updated: count("update-issue"),
      closed: count("close-issue"),
      reopened: count("reopen-issue"),
      renamed: count("comment"),
      blocked,
      writes: countWrites(plan),
      blocks: plan.blocks,
      applied,
    });
  }
  const issues = store.issues.map((issue) => {
    const key = readIssueBody(issue.body).marker?.key ?? null;
    return {
      number: issue.number,
      title: issue.title,
      state: issue.state,
      key,
      section: key === null ? null : (sectionOf.get(key) ?? null),
      labels: [...issue.labels],
    };
  });
  return { steps, issues, store };
}
