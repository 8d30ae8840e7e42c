/**
 * Markdown → mdast.
 */
import type { ParsedDocument } from "../types.js";
import { readMarkdownTree } from "./read-markdown-tree.js";

// title: Some title    (in YAML front matter)
const FRONT_MATTER_TITLE = /^title:[ \t]*(['"]?)(.+?)\1[ \t]*$/m;

// Large enough that parsing a part costs little beyond its text, small
// enough that micromark's work on one part stays small.
const PART_SIZE = 32 * 1024;

/**
 * Parses GitHub-flavoured Markdown. Front matter becomes a `yaml` or `toml`
 * node, which holds no ideas; its `title:` is the document title. A large
 * document is read in parts of about 32 KiB (see readMarkdownTree), so that
 * time and memory grow in proportion to it.
 * @param text the document
 */
export function parseMarkdown(text: string): ParsedDocument {
  const tree = readMarkdownTree(text, PART_SIZE);
  const front = tree.children[0];
  const title = front?.type === "yaml" ? (FRONT_MATTER_TITLE.exec(front.value)?.[2] ?? null) : null;
  return { format: "markdown", title, tree, diagnostics: [] };
}
