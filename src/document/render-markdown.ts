/**
 * mdast → the Markdown of an issue body.
 */
import type { Nodes, PhrasingContent, Root, RootContent } from "mdast";
import remarkGfm from "remark-gfm";
import remarkStringify from "remark-stringify";
import { unified } from "unified";

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
      return [{ type: "text", value: node.value.replace(/[ \t]*(\r\n|\r|\n)[ \t]*/g, " ") }];
    case "inlineCode":
      return [{ type: "inlineCode", value: node.value.replace(/\r\n|\r|\n/g, " ") }];
    case "code":
    case "html":
      // Code keeps its lines, but not a CRLF document's carriage returns.
      return [{ ...withoutPosition(node), value: node.value.replace(/\r\n?/g, "\n") }];
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
