/**
 * Where the ideas are in a Markdown tree.
 */
import type { Heading, Html, RootContent } from "mdast";
import type { Diagnostics } from "../diagnostics.js";
import type { Entry } from "../entry.js";
import { plainText } from "../plain-text.js";
import { readPinKey } from "../read-pin-key.js";

// <!-- ideas-sync: key=<key> -->
const PIN = /^<!--\s*ideas-sync\s*:\s*([^]*?)\s*-->$/;

/** What the Markdown reading found besides entries. */
export interface MarkdownEntries {
  entries: Entry[];
  /** The first level-1 heading, when level 1 holds neither ideas nor sections. */
  title: string | null;
}

/**
 * Lists the ideas of a Markdown tree: each heading of `ideaDepth` at the top
 * level (not in a quote or list) starts one, and its body runs to the next
 * heading of that depth or higher. Its section is the last heading of
 * `sectionDepth` above it; a higher heading ends the section.
 * `<!-- ideas-sync: key=… -->` on the line above a heading pins its key; such
 * comments, and HTML anchors right above a heading, belong to that heading,
 * not to the body before it.
 * @param nodes the top-level nodes of the Markdown tree
 * @param sectionDepth 0 (no sections) to 5
 * @param ideaDepth 1 to 6, more than sectionDepth
 * @param diagnostics where problems are reported
 */
export function findMarkdownEntries(
  nodes: readonly RootContent[],
  sectionDepth: number,
  ideaDepth: number,
  diagnostics: Diagnostics,
): MarkdownEntries {
  const entries: Entry[] = [];
  const pins = new Map<number, { node: Html; key: string }>();
  const usedPins = new Set<Html>();
  let title: string | null = null;
  let section: string | null = null;
  let current: {
    heading: Heading;
    title: string;
    section: string | null;
    body: RootContent[];
  } | null = null;
  const depths = new Set<number>();

  const close = (nextLine: number | null) => {
    if (!current) return;
    const body = current.body;
    // Comments and anchors on the lines right above the next heading are its own.
    let line = nextLine;
    while (line !== null && body.length > 0) {
      const last = body[body.length - 1] as RootContent;
      if (!isHtmlOnly(last) || last.position?.end.line !== line - 1) break;
      body.pop();
      line = last.position?.start.line ?? null;
    }
    // A pin anywhere else in a body is not text of the idea.
    const kept = body.filter((node) => node.type !== "html" || !PIN.test(node.value.trim()));
    body.splice(0, body.length, ...kept);
    const start = current.heading.position?.start;
    const endLine =
      body[body.length - 1]?.position?.end.line ?? current.heading.position?.end.line ?? 1;
    const pin = pins.get((start?.line ?? 0) - 1);
    if (pin) usedPins.add(pin.node);
    if (current.title === "") {
      diagnostics.add(
        start?.line ?? 1,
        start?.column ?? 1,
        "warning",
        "empty-title",
        "this heading has no text: it is no idea",
      );
    } else {
      entries.push({
        title: current.title,
        section: current.section,
        line: start?.line ?? 1,
        endLine,
        body,
        column: start?.column ?? 1,
        ...(pin ? { pinnedKey: pin.key } : {}),
      });
    }
    current = null;
  };

  for (const node of nodes) {
    if (node.type === "html") readPin(node, pins, diagnostics);
    if (node.type === "heading") {
      depths.add(node.depth);
      if (node.depth <= ideaDepth) close(node.position?.start.line ?? null);
      if (node.depth === ideaDepth) {
        current = { heading: node, title: plainText(node), section, body: [] };
        continue;
      }
      if (node.depth === sectionDepth) section = plainText(node);
      else if (node.depth < sectionDepth) section = null;
      if (node.depth === 1 && title === null && sectionDepth !== 1) title = plainText(node) || null;
      if (node.depth < ideaDepth) continue;
    }
    // Front matter (YAML or TOML) holds no ideas.
    if (node.type === "yaml" || (node.type as string) === "toml") continue;
    current?.body.push(node);
  }
  close(null);

  for (const [line, pin] of pins) {
    if (!usedPins.has(pin.node)) {
      diagnostics.add(
        line,
        pin.node.position?.start.column ?? 1,
        "warning",
        "pin-detached",
        `no heading of depth ${ideaDepth} on the line below this ideas-sync comment: the key "${pin.key}" pins nothing`,
      );
    }
  }
  if (entries.length === 0 && depths.size > 0 && !depths.has(ideaDepth)) {
    const found = [...depths]
      .sort()
      .map((depth) => "#".repeat(depth))
      .join(", ");
    diagnostics.add(
      1,
      1,
      "warning",
      "no-ideas",
      `no heading of depth ${ideaDepth} (${"#".repeat(ideaDepth)}), which is where ideas are; the document has headings ${found} (set the idea depth)`,
    );
  }
  return { entries, title };
}

function readPin(
  node: Html,
  pins: Map<number, { node: Html; key: string }>,
  diagnostics: Diagnostics,
): void {
  const pin = PIN.exec(node.value.trim());
  if (!pin) return;
  const key = readPinKey(pin[1] ?? "");
  const at = node.position;
  if (key && at) {
    pins.set(at.end.line, { node, key });
  } else {
    diagnostics.add(
      at?.start.line ?? 1,
      at?.start.column ?? 1,
      "warning",
      "bad-pin",
      `cannot read this ideas-sync comment: expected "<!-- ideas-sync: key=<key> -->" with a key of letters, digits, "-" and "_"`,
    );
  }
}

// An HTML block, or a paragraph of inline HTML only (`<a name="x"></a>`).
function isHtmlOnly(node: RootContent): boolean {
  if (node.type === "html") return true;
  return (
    node.type === "paragraph" &&
    node.children.every(
      (child) => child.type === "html" || (child.type === "text" && child.value.trim() === ""),
    )
  );
}
