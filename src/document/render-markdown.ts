/**
 * mdast → the Markdown of an issue body.
 */
import type { Nodes, PhrasingContent, Root, RootContent } from "mdast";
import { gfmAutolinkLiteralFromMarkdown } from "mdast-util-gfm-autolink-literal";
import remarkGfm from "remark-gfm";
import remarkStringify from "remark-stringify";
import { unified } from "unified";

const linkLiterals = gfmAutolinkLiteralFromMarkdown().transforms ?? [];

const stringifier = unified().use(remarkGfm).use(remarkStringify, {
  bullet: "-",
  emphasis: "_",
  strong: "*",
  fence: "`",
  fences: true,
  listItemIndent: "one",
  rule: "-",
  incrementListMarker: true,
});

/**
 * Renders nodes as GitHub-flavoured Markdown. Paragraphs are re-flowed onto
 * one line each: GitHub shows a line break in an issue body as a break, and a
 * document re-wrapped at another width must not change its issues. A GOSH
 * description list becomes a bold term followed by its body; a cross
 * reference becomes its text, since the heading it names is not in the issue.
 * @param nodes block nodes of a GOSH or Markdown tree
 * @returns the Markdown, without a final newline
 */
export function renderMarkdown(nodes: readonly RootContent[]): string {
  const root: Root = { type: "root", children: nodes.flatMap(toMarkdownNode) as Root["children"] };
  // GitHub links a bare URL or e-mail address in text. Making it a link here
  // renders it as GitHub shows it, and the same when read back.
  if (mayHoldLinkLiteral(root)) for (const transform of linkLiterals) transform(root);
  return stringifier.stringify(root).trimEnd();
}

function toMarkdownNode(node: RootContent): RootContent[] {
  switch (node.type) {
    case "descriptionList":
      return node.children.flatMap(
        (item) =>
          [
            {
              type: "paragraph",
              children: [
                { type: "strong", children: item.children[0].children.flatMap(toPhrasing) },
              ],
            },
            ...item.children[1].children.flatMap(toMarkdownNode),
          ] as RootContent[],
      );
    case "descriptionItem":
    case "descriptionTerm":
    case "descriptionDetails":
      return [];
    case "text":
      // A byte order mark inside a document is an invisible stray character.
      return [
        {
          type: "text",
          value: clean(node.value.replace(/[ \t]*(\r\n|\r|\n)[ \t]*/g, " ")).replace(/\uFEFF/g, ""),
        },
      ];
    case "inlineCode":
      return [{ type: "inlineCode", value: clean(node.value.replace(/\r\n|\r|\n/g, " ")) }];
    case "html": {
      // Raw HTML passes through to GitHub; other raw output (a GOSH raw
      // line meant for LaTeX, say) is shown as the text it is.
      const value = clean(node.value.replace(/\r\n?/g, "\n")).trim();
      if (value === "") return [];
      if (value.startsWith("<")) return [{ type: "html", value }];
      return [
        { type: "paragraph", children: [{ type: "text", value: value.replace(/\s*\n\s*/g, " ") }] },
      ];
    }
    case "code":
      // Code keeps its lines, but not a CRLF document's carriage returns.
      return [{ ...withoutPosition(node), value: clean(node.value.replace(/\r\n?/g, "\n")) }];
    case "yaml":
      // Front matter is settings for a site generator, not text.
      return [];
    case "emphasis":
    case "strong":
    case "delete":
      return keepSpaceOutside({
        ...withoutPosition(node),
        children: node.children.flatMap(toPhrasing),
      });
    case "link":
      if (node.data?.goshCrossReference) return node.children.flatMap(toPhrasing);
      return [{ ...withoutPosition(node), children: node.children.flatMap(toPhrasing) }];
    case "paragraph": {
      const children = node.children.flatMap(toPhrasing);
      const empty = children.every((child) => child.type === "text" && child.value.trim() === "");
      return empty ? [] : [{ ...withoutPosition(node), children }];
    }
    default:
      if ("children" in node) {
        return [
          {
            ...withoutPosition(node),
            children: (node.children as RootContent[]).flatMap(toMarkdownNode),
          } as RootContent,
        ];
      }
      return [withoutPosition(node) as RootContent];
  }
}

function toPhrasing(node: PhrasingContent): PhrasingContent[] {
  return toMarkdownNode(node) as PhrasingContent[];
}

function withoutPosition<T extends Nodes>(node: T): T {
  const { position, ...rest } = node;
  return rest as T;
}

// "_by x _" is no emphasis in Markdown: a closing marker cannot follow a
// space. The space goes outside the emphasis instead.
function keepSpaceOutside(
  node: Extract<PhrasingContent, { type: "emphasis" | "strong" | "delete" }>,
): PhrasingContent[] {
  const before: PhrasingContent[] = [];
  const after: PhrasingContent[] = [];
  const first = node.children[0];
  if (first?.type === "text" && /^\s/.test(first.value)) {
    before.push({ type: "text", value: first.value.match(/^\s+/)?.[0] ?? "" });
    first.value = first.value.trimStart();
  }
  const last = node.children[node.children.length - 1];
  if (last?.type === "text" && /\s$/.test(last.value)) {
    after.push({ type: "text", value: last.value.match(/\s+$/)?.[0] ?? "" });
    last.value = last.value.trimEnd();
  }
  node.children = node.children.filter((child) => child.type !== "text" || child.value !== "");
  return node.children.length === 0 ? [...before, ...after] : [...before, node, ...after];
}

// Markdown readers read NUL as U+FFFD; writing it so keeps a body the same
// when it is read back.
function clean(value: string): string {
  return value.includes("\u0000") ? value.replace(/\u0000/g, "\uFFFD") : value;
}

// The link-literal transform walks the whole tree with several patterns; most
// bodies hold nothing it could link.
function mayHoldLinkLiteral(node: Nodes): boolean {
  if (node.type === "text") return /:\/\/|www\.|@|mailto:|xmpp:/i.test(node.value);
  if (node.type === "link" || node.type === "linkReference") return false;
  return "children" in node && (node.children as Nodes[]).some(mayHoldLinkLiteral);
}
