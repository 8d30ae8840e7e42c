/**
 * A plan as a Markdown summary, for check runs and the terminal.
 */
import type { RootContent, TableRow } from "mdast";
import { formatConflicts } from "./format-conflicts.js";
import { countWrites } from "./plan-json.js";
import { stringifySummary } from "./stringify-summary.js";
import type { Action, DashboardWrite, Plan } from "./types.js";

const VERB: Record<Action["type"], string> = {
  "create-label": "create label",
  "create-issue": "create",
  "update-issue": "update",
  "close-issue": "close",
  "reopen-issue": "reopen",
  comment: "comment",
};

/**
 * Summarises a plan: what it would do, why, and whether it is blocked and
 * how to confirm it. Issue numbers link to the issues.
 * @param plan a plan from planSync
 * @param repositoryUrl https://github.com/OWNER/REPO, for issue links
 */
export function formatPlanMarkdown(plan: Plan, repositoryUrl: string): string {
  const nodes: RootContent[] = [];
  const writes = countWrites(plan);
  const { ideas, managedIssues, openManagedIssues } = plan.summary;
  nodes.push({
    type: "paragraph",
    children: [
      { type: "strong", children: [{ type: "text", value: plan.path }] },
      {
        type: "text",
        value: ` at ${plan.sha.slice(0, 7)}: ${ideas} ideas, ${managedIssues} idea issues (${openManagedIssues} open); `,
      },
      {
        type: "text",
        value:
          writes === 0 ? "nothing to write." : `${writes} write${writes === 1 ? "" : "s"} planned.`,
      },
    ],
  });
  for (const block of plan.blocks) {
    nodes.push({
      type: "blockquote",
      children: [
        {
          type: "paragraph",
          children: [
            { type: "strong", children: [{ type: "text", value: "Blocked:" }] },
            { type: "text", value: ` ${block.message}.` },
            ...(block.confirm
              ? [{ type: "text" as const, value: ` To apply it anyway, ${block.confirm}.` }]
              : []),
          ],
        },
      ],
    });
  }
  nodes.push(...formatConflicts(plan, repositoryUrl));
  if (plan.actions.length > 0) {
    const rows: TableRow[] = [row(["", "Issue", "Title", "Why"])];
    for (const action of plan.actions) rows.push(actionRow(action, repositoryUrl));
    nodes.push({ type: "table", align: [null, null, null, null], children: rows });
  }
  if (plan.dashboard) nodes.push(dashboardLine(plan.dashboard, repositoryUrl));
  return stringifySummary(nodes);
}

function actionRow(action: Action, repositoryUrl: string): TableRow {
  const issue =
    "number" in action
      ? {
          type: "link" as const,
          url: `${repositoryUrl}/issues/${action.number}`,
          children: [{ type: "text" as const, value: `#${action.number}` }],
        }
      : { type: "text" as const, value: action.type === "create-issue" ? "new" : "" };
  const title =
    action.type === "create-label"
      ? action.label
      : action.type === "update-issue"
        ? `${action.title} (${Object.keys(action.changes).join(", ")})`
        : action.title;
  return {
    type: "tableRow",
    children: [
      { type: "tableCell", children: [{ type: "text", value: VERB[action.type] }] },
      { type: "tableCell", children: [issue] },
      { type: "tableCell", children: [{ type: "text", value: title }] },
      { type: "tableCell", children: [{ type: "text", value: action.why }] },
    ],
  };
}

// The dashboard's one write, apart from the idea issues' table.
function dashboardLine(write: DashboardWrite, repositoryUrl: string): RootContent {
  const what =
    write.type === "create-dashboard"
      ? [{ type: "text" as const, value: `create the issue "${write.title}"` }]
      : [
          { type: "text" as const, value: "update " },
          {
            type: "link" as const,
            url: `${repositoryUrl}/issues/${write.number}`,
            children: [{ type: "text" as const, value: `#${write.number}` }],
          },
          { type: "text" as const, value: ` (${Object.keys(write.changes).join(", ")})` },
        ];
  return {
    type: "paragraph",
    children: [
      { type: "strong", children: [{ type: "text", value: "Dashboard:" }] },
      { type: "text", value: " " },
      ...what,
      { type: "text", value: `, 1 write: ${write.why}.` },
    ],
  };
}

function row(cells: string[]): TableRow {
  return {
    type: "tableRow",
    children: cells.map((value) => ({ type: "tableCell", children: [{ type: "text", value }] })),
  };
}
