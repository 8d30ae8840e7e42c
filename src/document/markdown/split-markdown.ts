/**
 * Where a Markdown document may be cut into parts that parse alone.
 */

/** A part of a document: where it starts in the whole. */
export interface MarkdownPart {
  /** offset of the part's first character in the document */
  offset: number;
  /** line number (1-based) of the part's first line */
  line: number;
  /** the part's text */
  text: string;
}

// An ATX heading at the very start of a line: no container (list item,
// block quote) can hold it, and it interrupts a paragraph, so the whole
// document reads it as a heading unless an open fenced code block, HTML
// block or front matter holds it.
const HEADING = /^#{1,6}(?:[ \t\r\n]|$)/;
const FENCE = /^ {0,3}(`{3,}|~{3,})(.*)$/;
// HTML blocks of kinds 1 to 5 of CommonMark run until their own end marker,
// across blank lines; kinds 6 and 7 end at a blank line.
const HTML_OPENERS: Array<[RegExp, RegExp]> = [
  [/^ {0,3}<(?:script|pre|style|textarea)(?:[\s>]|$)/i, /<\/(?:script|pre|style|textarea)>/i],
  [/^ {0,3}<!--/, /-->/],
  [/^ {0,3}<\?/, /\?>/],
  [/^ {0,3}<![A-Za-z]/, />/],
  [/^ {0,3}<!\[CDATA\[/, /\]\]>/],
];
const HTML_BLANK_ENDED = /^ {0,3}<\/?[A-Za-z]/;
const FRONT_MATTER = /^(?:---|\+\+\+)[ \t]*$/;

/**
 * Cuts a Markdown document before ATX headings that start a line outside
 * fenced code, HTML blocks and front matter, into parts of about `size`
 * characters (a part with no such heading in reach is longer). Parsing the
 * parts one by one costs time and memory in proportion to the document,
 * where micromark on the whole document does not. The cut is a first
 * guess: a part whose parse shows that it may hold the next part's heading
 * is joined to it by the caller.
 * @param text the document
 * @param size characters per part to aim for
 */
export function splitMarkdown(text: string, size: number): MarkdownPart[] {
  const parts: MarkdownPart[] = [];
  let partOffset = 0;
  let partLine = 1;
  let line = 1;
  let fence: { char: string; length: number } | null = null;
  let htmlEnd: RegExp | null = null;
  let htmlToBlank = false;
  let frontMatter: string | null = null;
  let offset = 0;
  while (offset < text.length) {
    let end = offset;
    while (end < text.length && text[end] !== "\n" && text[end] !== "\r") end += 1;
    // micromark drops a byte order mark before it reads the first line.
    const content = text.slice(line === 1 && text.startsWith("\uFEFF") ? 1 : offset, end);
    const next = end + (text.startsWith("\r\n", end) ? 2 : end < text.length ? 1 : 0);
    if (line === 1 && FRONT_MATTER.test(content)) {
      frontMatter = content.slice(0, 3);
    } else if (frontMatter !== null) {
      // Closed only by the same fence at the start of a line.
      if (content.startsWith(frontMatter) && FRONT_MATTER.test(content)) frontMatter = null;
    } else if (fence) {
      const close = FENCE.exec(content);
      if (
        close &&
        (close[1] as string)[0] === fence.char &&
        (close[1] as string).length >= fence.length &&
        (close[2] as string).trim() === ""
      )
        fence = null;
    } else if (htmlEnd) {
      if (htmlEnd.test(content)) htmlEnd = null;
    } else if (htmlToBlank) {
      if (content.trim() === "") htmlToBlank = false;
    } else if (HEADING.test(content)) {
      if (offset > partOffset && offset - partOffset >= size) {
        parts.push({ offset: partOffset, line: partLine, text: text.slice(partOffset, offset) });
        partOffset = offset;
        partLine = line;
      }
    } else {
      const open = FENCE.exec(content);
      if (open && !((open[1] as string)[0] === "`" && (open[2] as string).includes("`"))) {
        fence = { char: (open[1] as string)[0] as string, length: (open[1] as string).length };
      } else {
        const html = HTML_OPENERS.find(([opener]) => opener.test(content));
        if (html) {
          if (!html[1].test(content.slice(content.indexOf("<") + 1))) htmlEnd = html[1];
        } else if (HTML_BLANK_ENDED.test(content)) {
          htmlToBlank = true;
        }
      }
    }
    offset = next;
    line += 1;
  }
  parts.push({ offset: partOffset, line: partLine, text: text.slice(partOffset) });
  return parts;
}
