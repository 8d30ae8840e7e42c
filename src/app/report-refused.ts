/**
 * The part of a check run that names the issues GitHub refused. Pure.
 */
import type { PhrasingContent, RootContent } from "mdast";
import type { Refused } from "../github/apply-plan.js";

/**
 * A paragraph and a list naming each refused write's issue (or idea, when
 * the issue was to be created) with GitHub's reason, and what to do about
 * it; nothing when GitHub refused nothing.
 */
export function refusedSummary(refused: Refused[], repositoryUrl: string): RootContent[] {
  if (refused.length === 0) return [];
  const items = refused.map(({ action, reason }): RootContent & { type: "listItem" } => {
    const children: PhrasingContent[] = [];
    if ("number" in action)
      children.push(
        {
          type: "link",
          url: `${repositoryUrl}/issues/${action.number}`,
          children: [{ type: "text", value: `#${action.number}` }],
        },
        { type: "text", value: " " },
      );
    const name = action.type === "create-label" ? `label ${action.label}` : action.title;
    children.push({ type: "text", value: `${name} (${action.type}): ${reason}` });
    return { type: "listItem", spread: false, children: [{ type: "paragraph", children }] };
  });
  return [
    {
      type: "paragraph",
      children: [
        { type: "strong", children: [{ type: "text", value: "Refused by GitHub:" }] },
        {
          type: "text",
          value: ` ${refused.length} write${refused.length === 1 ? " was" : "s were"} skipped and every other one was made. The next run tries each again, once; to let it through, shorten the issue's body, unlock the issue, or remove the idea from the document.`,
        },
      ],
    },
    { type: "list", ordered: false, spread: false, children: items },
  ];
}
