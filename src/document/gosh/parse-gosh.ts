/**
 * GOSH → mdast.
 */
import type { Root, RootContent } from "mdast";
import type { Point } from "unist";
import { Diagnostics } from "../diagnostics.js";
import type { ParsedDocument } from "../types.js";
import { buildGoshBlocks, type BuildState } from "./build-gosh-blocks.js";
import { splitGoshLines, type GoshLine } from "./split-gosh-lines.js";

/**
 * Parses a GOSH document (see docs/document-formats.md) into an mdast tree
 * whose nodes all have positions, with `descriptionList` nodes for `:term:`
 * entries. Never throws: where gosh would stop, it reports a diagnostic and
 * reads on.
 * @param text the document
 * @param onNodes when given, takes the top-level nodes in runs as they are
 *   read (a chapter is a run), and the tree holds none of them: reading
 *   a large document then never holds its whole tree (see DocumentParser)
 * @returns the tree, the title from the document head, and diagnostics
 */
export function parseGosh(text: string, onNodes?: (nodes: RootContent[]) => void): ParsedDocument {
  const diagnostics = new Diagnostics();
  const { lines, pins, lineStarts, lineLengths } = splitGoshLines(text, diagnostics);
  // The end of one node is often the start of the next: asked for a point
  // it made just before, it hands out that same object (points are never
  // changed once made), which the tree then holds once. An offset names one
  // line and column, so the offset alone tells points apart. (Looking further
  // back found few more, and cost a tenth of the parse.)
  let last: Point = { line: 0, column: 0, offset: -1 };
  let beforeLast: Point = last;
  const point = (line: GoshLine, index: number): Point => {
    const length = lineLengths[line.no - 1] ?? 0;
    const column = Math.min(Math.max(line.col + index + line.shift, 0), length);
    const offset = (lineStarts[line.no - 1] ?? 0) + column;
    if (last.offset === offset) return last;
    if (beforeLast.offset === offset) return beforeLast;
    beforeLast = last;
    last = { line: line.no, column: column + 1, offset };
    return last;
  };
  const state: BuildState = {
    diagnostics,
    inline: { references: collectReferences(lines), diagnostics, point },
    pins,
    usedPins: new Set(),
    title: null,
    pastHead: false,
    depth: 0,
    emit: onNodes,
  };
  const children = buildGoshBlocks("documentmain", lines, state);
  for (const [no, pin] of pins) {
    if (!state.usedPins.has(no)) {
      diagnostics.add(
        no,
        pin.column,
        "warning",
        "pin-detached",
        `no entry directly below this ideas-sync comment: the key "${pin.key}" pins nothing`,
      );
    }
  }
  const lastNo = lineStarts.length;
  const tree: Root = {
    type: "root",
    children,
    position: {
      start: { line: 1, column: 1, offset: 0 },
      end: { line: lastNo, column: (lineLengths[lastNo - 1] ?? 0) + 1, offset: text.length },
    },
  };
  return { format: "gosh", title: state.title, tree, diagnostics: diagnostics.toArray() };
}

// Any line followed by a ###, === or ~~~ underline is a heading that
// `[Title]` can refer to; gosh collects them before parsing, ignoring nesting.
const TITLE = /^[^ \n;]/u;
const UNDERLINE = /^(#{3}|={3}|~{3})/;

function collectReferences(lines: readonly GoshLine[]): Set<string> {
  const references = new Set<string>();
  for (let i = 0; i + 1 < lines.length; i += 1) {
    const line = lines[i] as GoshLine;
    if (TITLE.test(line.text) && UNDERLINE.test((lines[i + 1] as GoshLine).text)) {
      references.add(line.text);
    }
  }
  return references;
}
