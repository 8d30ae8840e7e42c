/**
 * Markdown → mdast.
 */
import remarkFrontmatter from "remark-frontmatter";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";
import type { ParsedDocument } from "../types.js";

const parser = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ["yaml", "toml"]);

// title: Some title    (in YAML front matter)
const FRONT_MATTER_TITLE = /^title:[ \t]*(['"]?)(.+?)\1[ \t]*$/m;

/**
 * Parses GitHub-flavoured Markdown. Front matter becomes a `yaml` or `toml`
 * node, which holds no ideas; its `title:` is the document title.
 * @param text the document
 */
export function parseMarkdown(text: string): ParsedDocument {
  const tree = parser.parse(text);
  const front = tree.children[0];
  const title = front?.type === "yaml" ? (FRONT_MATTER_TITLE.exec(front.value)?.[2] ?? null) : null;
  return { format: "markdown", title, tree, diagnostics: [] };
}
