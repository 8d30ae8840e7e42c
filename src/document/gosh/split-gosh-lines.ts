/**
 * Splits a GOSH document into the lines the block parser works on.
 */
import type { Diagnostics } from "../diagnostics.js";
import { readPinKey } from "../read-pin-key.js";

/** A source line, or what is left of it once a container stripped its indentation. */
export interface GoshLine {
  /** 1-based line number in the document. */
  no: number;
  /** The text the parser sees. */
  text: string;
  /** 0-based source column of `text[0]`, before tab expansion is undone. */
  col: number;
  /** Source columns minus parser columns, from expanding leading tabs (≤ 0). */
  shift: number;
}

/** The lines of a document, its comments taken out, and the key pins those comments held. */
export interface SplitLines {
  lines: GoshLine[];
  /** Pinned keys by the line number of the comment that pins them. */
  pins: Map<number, { key: string; column: number }>;
  /** Offset of each line's first character in the document. */
  lineStarts: number[];
  /** Length of each line in the document, without its line ending. */
  lineLengths: number[];
}

// ; ideas-sync: key=<key>
const PIN = /^;\s*ideas-sync\s*:\s*(.*?)\s*$/;

/**
 * Splits `text` into lines the way gosh does, and goes on where gosh would not:
 * CRLF and CR line ends, a byte order mark, and tabs used as indentation.
 * Lines starting with `;` are comments: gosh drops them before parsing.
 * @param text the whole document
 * @param diagnostics where problems are reported
 */
export function splitGoshLines(text: string, diagnostics: Diagnostics): SplitLines {
  const lines: GoshLine[] = [];
  const pins = new Map<number, { key: string; column: number }>();
  const lineStarts: number[] = [];
  const lineLengths: number[] = [];
  // Line ends are found with indexOf rather than a global pattern, whose
  // match objects were a large part of the garbage of reading a big document.
  let start = 0;
  let no = 0;
  let nextLf = text.indexOf("\n");
  let nextCr = text.indexOf("\r");
  for (;;) {
    if (nextLf !== -1 && nextLf < start) nextLf = text.indexOf("\n", start);
    if (nextCr !== -1 && nextCr < start) nextCr = text.indexOf("\r", start);
    const end = nextCr === -1 ? nextLf : nextLf === -1 ? nextCr : nextCr < nextLf ? nextCr : nextLf;
    const lineEnd = end === -1 ? text.length : end;
    no += 1;
    lineStarts.push(start);
    lineLengths.push(lineEnd - start);
    let raw = text.slice(start, lineEnd);
    let col = 0;
    if (no === 1 && raw.startsWith("\uFEFF")) {
      raw = raw.slice(1);
      col = 1;
    }
    if (raw.startsWith(";")) {
      readPin(raw, no, col, pins, diagnostics);
    } else {
      lines.push(expandLeadingTabs(raw, no, col, diagnostics));
    }
    if (end === -1) break;
    start = end + (text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? 2 : 1);
  }
  return { lines, pins, lineStarts, lineLengths };
}

function readPin(
  raw: string,
  no: number,
  col: number,
  pins: SplitLines["pins"],
  diagnostics: Diagnostics,
): void {
  const pin = PIN.exec(raw);
  if (!pin) return;
  const key = readPinKey(pin[1] ?? "");
  if (key) {
    pins.set(no, { key, column: col + 1 });
  } else {
    diagnostics.add(
      no,
      col + 1,
      "warning",
      "bad-pin",
      `cannot read this ideas-sync comment: expected "; ideas-sync: key=<key>" with a key of letters, digits, "-" and "_"`,
    );
  }
}

// gosh indents with spaces only; a tab is not whitespace to it. Reading a
// leading tab as one indentation step (two spaces) keeps an idea's body with
// its idea instead of turning it into a stray paragraph.
function expandLeadingTabs(
  raw: string,
  no: number,
  col: number,
  diagnostics: Diagnostics,
): GoshLine {
  let leadLength = 0;
  let tab = false;
  for (let c = raw.charCodeAt(0); c === 32 || c === 9; c = raw.charCodeAt(++leadLength)) {
    if (c === 9) tab = true;
  }
  if (!tab) return { no, text: raw, col, shift: 0 };
  const lead = raw.slice(0, leadLength);
  // A line of spaces and tabs only is a blank line.
  if (lead.length === raw.length) return { no, text: "", col, shift: 0 };
  const expanded = lead.replace(/\t/g, "  ");
  diagnostics.add(
    no,
    col + lead.indexOf("\t") + 1,
    "warning",
    "tab-indent",
    "tab used for indentation: GOSH indents with spaces, so this reads each tab as two spaces",
  );
  return { no, text: expanded + raw.slice(lead.length), col, shift: lead.length - expanded.length };
}
