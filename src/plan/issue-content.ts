/**
 * What goes inside the region of an idea's issue.
 */
import type { Idea } from "../document/types.js";
import { neutralizeMentions } from "./neutralize-mentions.js";
import type { DocumentSource } from "./types.js";

/** GitHub refuses issue bodies longer than this. */
export const BODY_MAX = 65_536;

/**
 * The idea's text, then a line linking its source lines at the commit.
 * Text that would make the body too long is cut at a paragraph outside code,
 * with a link to the rest. Mentions in it notify no one.
 * @param idea the idea
 * @param source where the document was read
 * @param room how many characters the region may take
 */
export function issueContent(idea: Idea, source: DocumentSource, room = BODY_MAX - 500): string {
  const link = permalink(idea, source);
  const lines =
    idea.endLine > idea.line ? `lines ${idea.line}–${idea.endLine}` : `line ${idea.line}`;
  const footer = `<sub>From [${source.path}, ${lines}](${link}) at ${source.sha.slice(0, 7)}. ideas-sync keeps this text in step with the document: to change it, edit the document.</sub>`;
  let text = neutralizeMentions(idea.markdown);
  const budget = room - footer.length - 200;
  if (text.length > budget) {
    text =
      cutAtParagraph(text, Math.max(budget, 0)) +
      `\n\n_The rest of this idea is too long for an issue: read it in [the document](${link})._`;
  }
  return text === "" ? footer : `${text}\n\n---\n\n${footer}`;
}

/** …/blob/SHA/PATH#Lstart-Lend */
function permalink(idea: Idea, source: DocumentSource): string {
  const path = source.path.split("/").map(encodeURIComponent).join("/");
  return `${source.repositoryUrl}/blob/${source.sha}/${path}#L${idea.line}-L${idea.endLine}`;
}

// The last blank line before `limit` that is not inside a code fence.
function cutAtParagraph(text: string, limit: number): string {
  let fence: string | null = null;
  let cut = 0;
  let offset = 0;
  for (const line of text.split("\n")) {
    const end = offset + line.length;
    if (end > limit) break;
    const marker = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (marker && (fence === null || (marker[0] === fence[0] && marker.length >= fence.length))) {
      fence = fence === null ? marker : null;
    } else if (line.trim() === "" && fence === null) {
      cut = offset;
    }
    offset = end + 1;
  }
  return text.slice(0, cut).trimEnd();
}

/**
 * The idea's text in a region written by issueContent, without the source line.
 * @param content the text inside an issue's region
 */
export function ideaTextOf(content: string): string {
  const footer = content.lastIndexOf("<sub>From [");
  if (footer === -1) return content;
  return content.slice(0, footer).replace(/\n*(---\n*)?$/, "");
}
