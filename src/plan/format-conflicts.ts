/**
 * Issues that claim another issue's idea, for reports.
 */
import type { RootContent } from "mdast";
import type { Plan } from "./types.js";

/**
 * A paragraph naming each issue that claims the key of another issue (its
 * body was copied from that one), and what a maintainer can do about it.
 * Empty when there is no such issue.
 * @param plan a plan from planSync
 * @param repositoryUrl https://github.com/OWNER/REPO, for issue links
 */
export function formatConflicts(plan: Plan, repositoryUrl: string): RootContent[] {
  if (!plan.conflicts?.length) return [];
  const link = (number: number) => ({
    type: "link" as const,
    url: `${repositoryUrl}/issues/${number}`,
    children: [{ type: "text" as const, value: `#${number}` }],
  });
  return [
    {
      type: "paragraph",
      children: [
        { type: "strong", children: [{ type: "text", value: "Conflicts:" }] },
        {
          type: "text",
          value:
            " these issues claim the idea of another issue (a body was copied from one into the other). ideas-sync keeps syncing the issue it made first and leaves the other alone: remove the copied ideas-sync text from it, or close it.",
        },
      ],
    },
    {
      type: "list",
      ordered: false,
      spread: false,
      children: plan.conflicts.map((conflict) => ({
        type: "listItem" as const,
        spread: false,
        children: [
          {
            type: "paragraph" as const,
            children: [
              link(conflict.other),
              { type: "text" as const, value: " claims " },
              { type: "inlineCode" as const, value: conflict.key },
              { type: "text" as const, value: ", the idea of " },
              link(conflict.kept),
            ],
          },
        ],
      })),
    },
  ];
}
