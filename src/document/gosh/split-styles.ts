/**
 * The heart of gosh's block parser: cutting a run of lines into blocks.
 */
import { STYLES, SUBSTYLES, type Context, type Style, type StyleName } from "./gosh-styles.js";
import type { GoshLine } from "./split-gosh-lines.js";

/** A run of lines that one style claims. */
export interface Block {
  style: StyleName;
  lines: GoshLine[];
}

const EMPTY = STYLES.get("empty") as Style;
const UNDEFINED = STYLES.get("undefined") as Style;
const CONTEXT_STYLES = new Map(
  Object.entries(SUBSTYLES).map(([context, names]) => [
    context as Context,
    names.map((name) => STYLES.get(name) as Style),
  ]),
);

/**
 * Cuts `lines` into blocks: at each line, the first style of the context that
 * matches it (and its next line) starts a block, which takes the following
 * lines while the style continues. Works like gosh's `style_split`.
 * @param context the container whose substyles apply
 * @param lines the container's lines, its indentation already stripped
 * @returns the blocks in order; together they hold every line
 */
export function splitStyles(context: Context, lines: readonly GoshLine[]): Block[] {
  const styles = CONTEXT_STYLES.get(context) as readonly Style[];
  const blocks: Block[] = [];
  let i = 0;
  while (i < lines.length) {
    const style = styleOf(styles, textAt(lines, i), textAt(lines, i + 1));
    const start = i;
    i += 1;
    while (i < lines.length && style.goesOn(textAt(lines, i), textAt(lines, i + 1))) i += 1;
    // Cut once its end is known, rather than grown line by line.
    blocks.push({ style: style.name, lines: lines.slice(start, i) });
  }
  return blocks;
}

// Beyond the last line, gosh sees an empty line.
function textAt(lines: readonly GoshLine[], index: number): string {
  return lines[index]?.text ?? "";
}

function styleOf(styles: readonly Style[], line: string, next: string): Style {
  const first = line.charAt(0);
  for (const style of styles) {
    if (style.first !== undefined && style.first !== first) continue;
    if (style.begin.test(line) && (!style.next || style.next.test(next))) return style;
  }
  return EMPTY.begin.test(line) ? EMPTY : UNDEFINED;
}
