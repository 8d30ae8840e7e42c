/**
 * What goes inside a document's dashboard region.
 */
import type { DocumentConfig } from "../config/config-schema.js";
import type { IdeasDocument } from "../document/types.js";
import { fieldLabels } from "./field-labels.js";
import { neutralizeMentions } from "./neutralize-mentions.js";

/** What the dashboard shows of an idea's issue. */
export interface DashboardIssue {
  number: number;
  state: "open" | "closed";
  comments: number;
}

/**
 * Lists the document's ideas by section, each with its issue, the issue's
 * state, the idea's field labels and the number of comments, then how to
 * take part. Nothing in it names a commit, so that a push that changes no
 * idea, issue or count leaves it as it is.
 * @param document the ideas
 * @param issues each idea's issue by key (an idea without one is listed as to come)
 * @param source the document's path and the repository's web address
 * @param config the document's settings, for field labels
 */
export function dashboardContent(
  document: IdeasDocument,
  issues: ReadonlyMap<string, DashboardIssue>,
  source: { path: string; repositoryUrl: string },
  config: DocumentConfig,
): string {
  const ideas = document.sections.reduce((sum, section) => sum + section.ideas.length, 0);
  const path = source.path.split("/").map(encodeURIComponent).join("/");
  const link = `${source.repositoryUrl}/blob/HEAD/${path}`;
  const out: string[] = [
    `**${ideas} idea${ideas === 1 ? "" : "s"}** in [\`${source.path}\`](${link}), each with an issue to discuss it.`,
  ];
  for (const section of document.sections) {
    if (section.ideas.length === 0) continue;
    out.push("", `### ${cell(section.title ?? "Ideas")}`, "");
    out.push("| Idea | Issue | State | Labels | Comments |", "| --- | --- | --- | --- | --- |");
    for (const idea of section.ideas) {
      const issue = issues.get(idea.key);
      const labels = fieldLabels(idea, config)
        .map((label) => `\`${label.name.replace(/`/g, "'")}\``)
        .join(" ");
      out.push(
        `| ${cell(idea.title)} | ${issue ? `#${issue.number}` : "—"} | ${issue?.state ?? "to come"} | ${labels} | ${issue?.comments ?? 0} |`,
      );
    }
  }
  out.push(
    "",
    "**How to take part:** pick an idea and comment on its issue to ask about it, discuss it, or say that you would like to work on it. To add or change an idea, propose a change to the document.",
    "",
    "<sub>ideas-sync keeps this list in step with the document; comment counts are refreshed at most every 10 minutes.</sub>",
  );
  return neutralizeMentions(out.join("\n"));
}

// Text in a table cell: a "|" would end the cell, a line break the row.
function cell(text: string): string {
  return text.replace(/\s+/g, " ").replace(/\|/g, "\\|");
}
