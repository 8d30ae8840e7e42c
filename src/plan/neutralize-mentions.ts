/**
 * Markdown that names people without notifying them.
 */
import type { Nodes } from "mdast";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { breakMentions } from "../document/break-mentions.js";

const parser = unified().use(remarkParse).use(remarkGfm);

// "@" written as a character reference, which GitHub shows as "@".
const ENCODED_AT = /(&#0*64;|&#[xX]0*40;|&commat;)(?=[A-Za-z0-9])/g;

/**
 * Stops every @user and @org/team mention in Markdown that ideas-sync
 * writes (issue titles, the text of its region, comments), so that writing
 * it notifies no one: a zero-width space after the "@", as in the ideas'
 * text. Only text GitHub would take for a mention changes: code spans and
 * blocks, links and bare URLs (`https://medium.com/@name`), e-mail addresses
 * and HTML tags are left as they are. Idempotent.
 * @param markdown GitHub-flavoured Markdown, or a title
 */
export function neutralizeMentions(markdown: string): string {
  if (!markdown.includes("@") && !markdown.includes("&")) return markdown;
  // Edits are made on the source at the places of the text nodes, so that
  // everything else stays byte for byte as it was.
  const spans: Array<{ start: number; end: number; html: boolean }> = [];
  const walk = (node: Nodes) => {
    if (node.type === "link" || node.type === "linkReference") return;
    if (node.type === "text" || node.type === "html") {
      const start = node.position?.start.offset;
      const end = node.position?.end.offset;
      if (start !== undefined && end !== undefined)
        spans.push({ start, end, html: node.type === "html" });
      return;
    }
    if ("children" in node) for (const child of node.children) walk(child as Nodes);
  };
  walk(parser.parse(markdown));
  let result = "";
  let at = 0;
  for (const { start, end, html } of spans.sort((a, b) => a.start - b.start)) {
    if (start < at) continue;
    const source = markdown.slice(start, end);
    // In raw HTML, only the text between tags is shown.
    const changed = html
      ? source.replace(/(^|>)([^<]*)/g, (_, open: string, text: string) => open + breakText(text))
      : breakText(source);
    result += markdown.slice(at, start) + changed;
    at = end;
  }
  return result + markdown.slice(at);
}

function breakText(text: string): string {
  return breakMentions(text).replace(ENCODED_AT, "$1\u200B");
}
