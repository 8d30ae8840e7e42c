/**
 * A document's outcome → the check run that tells maintainers about it. Pure.
 */
import type { List, ListItem, PhrasingContent, RootContent } from "mdast";
import type { ConfigError } from "../config/parse-config.js";
import { countDiagnostics } from "../document/count-diagnostics.js";
import type { Diagnostic } from "../document/types.js";
import {
  ANNOTATIONS_TOTAL_MAX,
  type Annotation,
  type CheckRunReport,
} from "../github/create-check-run.js";
import { CONFIG_PATH } from "../github/load-config.js";
import { formatConflicts } from "../plan/format-conflicts.js";
import { formatPlanMarkdown } from "../plan/format-plan-markdown.js";
import { stringifySummary } from "../plan/stringify-summary.js";
import type { Action, Plan } from "../plan/types.js";
import { refusedSummary } from "./report-refused.js";
import type { DocumentOutcome } from "./types.js";

/** The button on a blocked plan's check run. */
export const CONFIRM_ACTION = "confirm";
/** The button on a run that left work for later. */
export const CONTINUE_ACTION = "continue";

/** Facts about the run every report states. */
export interface RunFacts {
  /** The check run's name. */
  name: string;
  sha: string;
  repositoryUrl: string;
  /** API requests the run made so far: reads and writes. */
  requests: { reads: number; writes: number };
  /** What starts the run that writes what was left for later; the app's ways when left out. */
  nextRun?: string;
}

/**
 * Turns one document's outcome into a completed check run: a title that
 * says what happened, a summary with links, the document's diagnostics as
 * annotations, and a button when a maintainer can do something about it.
 */
export function reportOutcome(outcome: DocumentOutcome, facts: RunFacts): CheckRunReport {
  const base = {
    name: facts.name,
    headSha: facts.sha,
    detailsUrl: `${facts.repositoryUrl}/blob/${facts.sha}/${outcome.path}`,
  };
  const footer = requestsLine(facts.requests);
  switch (outcome.kind) {
    case "unreadable":
    case "failed":
      return {
        ...base,
        conclusion: "failure",
        title: outcome.kind === "failed" ? "The sync failed" : `${outcome.path} cannot be read`,
        summary: `${outcome.message}\n\n${footer}`,
      };
    case "unchanged":
      return {
        ...base,
        conclusion: hasErrors(outcome.diagnostics) ? "failure" : "success",
        title: "In sync: no idea changed",
        summary: `The document's ideas are those synced at ${outcome.syncedAt.slice(0, 7)}, and no issue or label was changed by anyone since, so the issues were not read again. To check every issue anyway, comment \`/ideas-sync sync\` on any issue.\n\n${problemsLine(outcome.diagnostics)}${footer}`,
        annotations: annotate(outcome.path, outcome.diagnostics),
      };
    case "preview":
      return {
        ...base,
        conclusion: hasErrors(outcome.diagnostics) ? "failure" : "neutral",
        title: `Preview: ${describePlan(outcome.plan)}`,
        summary: `Once merged, this would be synced as follows. Nothing is written from a pull request.\n\n${formatPlanMarkdown(outcome.plan, facts.repositoryUrl)}\n${problemsLine(outcome.diagnostics)}${footer}`,
        annotations: annotate(outcome.path, outcome.diagnostics),
      };
    case "blocked":
      return {
        ...base,
        conclusion: outcome.confirmation ? "action_required" : "failure",
        title: `Blocked: ${outcome.plan.blocks[0]?.message ?? "the plan is blocked"}`,
        summary: `${outcome.refused ? `Not applied: ${outcome.refused}.\n\n` : ""}${formatPlanMarkdown(outcome.plan, facts.repositoryUrl)}\n${problemsLine(outcome.diagnostics)}${footer}`,
        annotations: annotate(outcome.path, outcome.diagnostics),
        ...(outcome.confirmation
          ? {
              externalId: JSON.stringify(outcome.confirmation),
              actions: [
                {
                  label: "Confirm",
                  description: "Apply this plan as it is",
                  identifier: CONFIRM_ACTION,
                },
              ],
            }
          : {}),
      };
    case "applied": {
      const { result } = outcome;
      const stopped = result.stop;
      const refused = result.refused.length;
      return {
        ...base,
        conclusion:
          stopped?.reason === "error" || refused > 0
            ? "failure"
            : stopped || outcome.plan.conflicts
              ? "neutral"
              : "success",
        // Not "in sync" when a refused or deferred write left an issue behind the document.
        title:
          result.applied.length === 0 && refused + result.deferred.length > 0
            ? [
                ...(refused > 0 ? [`${refused} refused by GitHub`] : []),
                ...(result.deferred.length > 0 ? [`${result.deferred.length} left for later`] : []),
              ].join("; ")
            : appliedTitle(
                outcome.plan,
                result.applied.map((applied) => applied.action),
                result.deferred.length,
              ) + (refused > 0 ? `; ${refused} refused by GitHub` : ""),
        summary:
          stringifySummary(appliedSummary(outcome, facts)) +
          `\n${problemsLine(outcome.diagnostics)}${footer}`,
        annotations: annotate(outcome.path, outcome.diagnostics),
        ...(stopped || refused > 0
          ? {
              actions: [
                !stopped || stopped.reason === "error"
                  ? {
                      label: "Try again",
                      description: "Sync again and finish the job",
                      identifier: CONTINUE_ACTION,
                    }
                  : {
                      label: "Continue",
                      description: "Write what was left for later",
                      identifier: CONTINUE_ACTION,
                    },
              ],
            }
          : {}),
      };
    }
  }
}

/**
 * The check run for a configuration that cannot be used: every error with
 * its key, annotated on its line.
 */
export function reportConfigErrors(errors: ConfigError[], facts: RunFacts): CheckRunReport {
  const lines = errors.map(
    (e) =>
      `- ${CONFIG_PATH}${e.line ? `:${e.line}` : ""}: ${e.key ? `\`${e.key}\`: ` : ""}${e.message}`,
  );
  return {
    name: facts.name,
    headSha: facts.sha,
    detailsUrl: `${facts.repositoryUrl}/blob/${facts.sha}/${CONFIG_PATH}`,
    conclusion: "failure",
    title: `${CONFIG_PATH} has ${errors.length} error${errors.length === 1 ? "" : "s"}`,
    summary: `Nothing is synced until the configuration is fixed. See docs/configuration.md for every key.\n\n${lines.join("\n")}\n\n${requestsLine(facts.requests)}`,
    annotations: errors.map((e) => ({
      path: CONFIG_PATH,
      line: e.line ?? 1,
      level: "failure",
      message: `${e.key ? `${e.key}: ` : ""}${e.message}`,
    })),
  };
}

function appliedSummary(
  outcome: Extract<DocumentOutcome, { kind: "applied" }>,
  facts: RunFacts,
): RootContent[] {
  const { result, plan } = outcome;
  const nodes: RootContent[] = [
    paragraph([
      { type: "strong", children: [{ type: "text", value: plan.path }] },
      {
        type: "text",
        value: ` at ${plan.sha.slice(0, 7)}: ${plan.summary.ideas} ideas. ${result.writes === 0 ? "Nothing needed writing: the issues already match the document." : `${result.writes} write${result.writes === 1 ? "" : "s"}.`}`,
      },
    ]),
  ];
  if (plan.blocks.length > 0)
    nodes.push(
      paragraph([
        {
          type: "text",
          value: `Applied as confirmed, although: ${plan.blocks.map((b) => b.message).join("; ")}.`,
        },
      ]),
    );
  nodes.push(...formatConflicts(plan, facts.repositoryUrl));
  if (result.applied.length > 0)
    nodes.push(list(result.applied.map(({ action, number }) => actionItem(action, number, facts))));
  nodes.push(...refusedSummary(result.refused, facts.repositoryUrl));
  if (outcome.dashboard) {
    const { number, write } = outcome.dashboard;
    nodes.push(
      paragraph([
        { type: "strong", children: [{ type: "text", value: "Dashboard:" }] },
        { type: "text", value: ` ${write.type === "create-dashboard" ? "created" : "updated"} ` },
        {
          type: "link",
          url: `${facts.repositoryUrl}/issues/${number}`,
          children: [{ type: "text", value: `#${number}` }],
        },
        { type: "text", value: ` (1 write): ${write.why}.` },
      ]),
    );
  }
  if (outcome.dashboardRefused)
    nodes.push(
      paragraph([
        { type: "strong", children: [{ type: "text", value: "Dashboard:" }] },
        {
          type: "text",
          value: ` not written (${outcome.dashboardRefused.message}). The issues above are written${outcome.dashboardRefused.resumeAfterMs === null ? "; the next push tries the dashboard again" : ""}.`,
        },
      ]),
    );
  if (result.stop) {
    nodes.push(
      paragraph([
        { type: "strong", children: [{ type: "text", value: "Stopped:" }] },
        {
          type: "text",
          value: ` ${result.stop.message}. ${result.deferred.length} action${result.deferred.length === 1 ? " was" : "s were"} left for the next run (${facts.nextRun ?? 'the next push, the Continue button, or a "/ideas-sync sync" comment'}):`,
        },
      ]),
    );
    nodes.push(list(result.deferred.map((action) => actionItem(action, null, facts))));
  }
  if (result.waited > 0)
    nodes.push(
      paragraph([
        { type: "text", value: `Waited ${result.waited} s for GitHub's secondary rate limit.` },
      ]),
    );
  return nodes;
}

function actionItem(action: Action, number: number | null, facts: RunFacts): ListItem {
  const issue = number ?? ("number" in action ? action.number : null);
  const children: PhrasingContent[] = [{ type: "text", value: `${VERB[action.type]} ` }];
  if (issue !== null)
    children.push(
      {
        type: "link",
        url: `${facts.repositoryUrl}/issues/${issue}`,
        children: [{ type: "text", value: `#${issue}` }],
      },
      { type: "text", value: " " },
    );
  children.push({
    type: "text",
    value: `${action.type === "create-label" ? action.label : action.title}: ${action.why}`,
  });
  return { type: "listItem", spread: false, children: [paragraph(children)] };
}

const VERB: Record<Action["type"], string> = {
  "create-label": "created label",
  "create-issue": "created",
  "update-issue": "updated",
  "close-issue": "closed",
  "reopen-issue": "reopened",
  comment: "noted rename on",
};

function appliedTitle(plan: Plan, done: Action[], deferred: number): string {
  const counts = countByType(done);
  const parts = describeCounts(counts, "past");
  const text = parts.length > 0 ? parts.join(", ") : `in sync: ${plan.summary.ideas} ideas`;
  return deferred > 0 ? `${text}; ${deferred} left for later` : text;
}

function describePlan(plan: Plan): string {
  const parts = describeCounts(countByType(plan.actions), "future");
  return parts.length > 0 ? parts.join(", ") : "nothing to change";
}

function countByType(actions: Action[]): Map<Action["type"], number> {
  const counts = new Map<Action["type"], number>();
  for (const action of actions) counts.set(action.type, (counts.get(action.type) ?? 0) + 1);
  return counts;
}

function describeCounts(counts: Map<Action["type"], number>, tense: "past" | "future"): string[] {
  const words: Array<[Action["type"], string, string]> = [
    ["create-issue", "created", "to create"],
    ["update-issue", "updated", "to update"],
    ["close-issue", "closed", "to close"],
    ["reopen-issue", "reopened", "to reopen"],
    ["comment", "renamed", "renamed"],
    ["create-label", "labels created", "labels to create"],
  ];
  return words
    .filter(([type]) => counts.has(type))
    .map(([type, past, future]) => `${counts.get(type)} ${tense === "past" ? past : future}`);
}

function annotate(path: string, diagnostics: Diagnostic[]): Annotation[] {
  // Errors first: past ANNOTATIONS_TOTAL_MAX, the rest are left out.
  const order = { error: 0, warning: 1, info: 2 } as const;
  return [...diagnostics]
    .sort((a, b) => order[a.severity] - order[b.severity] || a.line - b.line)
    .map((d) => ({
      path,
      line: Math.max(1, d.line),
      level: d.severity === "error" ? "failure" : d.severity === "warning" ? "warning" : "notice",
      title: d.rule,
      message: d.message,
    }));
}

// Say when there were more problems than the check run marks.
function problemsLine(diagnostics: Diagnostic[]): string {
  const total = countDiagnostics(diagnostics);
  if (total <= ANNOTATIONS_TOTAL_MAX && total === diagnostics.length) return "";
  const marked = Math.min(diagnostics.length, ANNOTATIONS_TOTAL_MAX);
  return `The document has ${total} problems; ${marked === total ? "all" : `the first ${marked} (errors first)`} are marked on their lines, and \`npx ideas-sync parse FILE\` lists them all.\n\n`;
}

function hasErrors(diagnostics: Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === "error");
}

function requestsLine(requests: RunFacts["requests"]): string {
  return `API requests: ${requests.reads + requests.writes} (${requests.reads} reads, ${requests.writes} writes), not counting this check run.`;
}

function paragraph(children: PhrasingContent[]): RootContent & { type: "paragraph" } {
  return { type: "paragraph", children };
}

function list(items: ListItem[]): List {
  return { type: "list", ordered: false, spread: false, children: items };
}
