/**
 * The block styles of GOSH, as `gosh` defines them (see
 * ../shared/docs/gosh-spec.md, section 2–3). A style starts at a line that
 * matches `begin` and whose next line matches `next`; it goes on while each
 * following line, with "\n" appended, matches `cont` and the line after it
 * matches `contnext`. Containers try their substyles in order, then `empty`
 * and `undefined`.
 *
 * Tcl's `.` matches a newline and `\w` is Unicode-aware, hence the `s` and
 * `u` flags throughout.
 */

/** The names of GOSH block styles. */
export type StyleName =
  | "header"
  | "abstract"
  | "chapter"
  | "section"
  | "subsection"
  | "paragraph"
  | "annotation"
  | "raw"
  | "itemize"
  | "item"
  | "enumeration"
  | "enum"
  | "description"
  | "descitem"
  | "verbatim"
  | "plain"
  | "empty"
  | "undefined";

/** How a style is recognised and how far it reaches. */
export interface Style {
  name: StyleName;
  begin: RegExp;
  /**
   * The one character a line that `begin` matches starts with, where there
   * is one: lines that start otherwise need not be matched against `begin`.
   */
  first?: string;
  next?: RegExp;
  cont: RegExp;
  contnext?: RegExp;
  /**
   * Whether the style goes on at `line`, followed by `next` (both without
   * "\n"): the same answer as `cont` on `line + "\n"` and `contnext` on
   * `next + "\n"`, without building those strings for every line of every
   * container. test/document/gosh-styles.test.ts holds each to its patterns.
   */
  goesOn: (line: string, next: string) => boolean;
}

// Helpers for goesOn. A line holds no line break, so the appended "\n" only
// matters where a pattern can match it: `.` with the `s` flag, `[^ ]`, and
// `^\n` (an empty line). `$` without the `m` flag matches at the very end
// only, never before the "\n".
const isEmpty = (line: string): boolean => line === "";
const indented = (line: string): boolean => line.startsWith("  ");
const never = (): boolean => false;
// `^X{0,2}[^X]` fails exactly when the line starts with three characters of X.
const notUnderlined =
  (chars: string) =>
  (_line: string, next: string): boolean =>
    !(
      next.length >= 3 &&
      chars.includes(next[0] as string) &&
      chars.includes(next[1] as string) &&
      chars.includes(next[2] as string)
    );
const DESCRIPTION_TERM = /^:[^:]+:/u;
const PLAIN_CONT = /^([*_])?[\p{L}\p{N}_('"[]/u;

// A plain paragraph starts at any line that is not indented, not empty and
// not a comment.
const PLAIN_BEGIN = /^[^ \n;].*/su;

const STYLE_LIST: Style[] = [
  //      Title of the document     (indented lines and blank lines at the start)
  {
    name: "header",
    first: " ",
    begin: /^ +.+/su,
    cont: /(^ +.+)|(^\n)/su,
    goesOn: (line) => isEmpty(line) || line.startsWith(" "),
  },
  // Abstract
  // ########
  {
    name: "abstract",
    first: "A",
    begin: /^Abstract.*/su,
    next: /^###/u,
    cont: /.*/su,
    contnext: /(^[^(#)])|(^\n)/u,
    goesOn: (_line, next) => isEmpty(next) || !"(#)".includes(next[0] as string),
  },
  // Chapter title
  // #############
  {
    name: "chapter",
    begin: PLAIN_BEGIN,
    next: /^#{3}/u,
    cont: /.*/su,
    contnext: /^#{0,2}[^#]/u,
    goesOn: notUnderlined("#"),
  },
  // Section title
  // =============
  {
    name: "section",
    begin: PLAIN_BEGIN,
    next: /^={3}/u,
    cont: /.*/su,
    contnext: /^={0,2}[^=]/u,
    goesOn: notUnderlined("="),
  },
  // Subsection title
  // ~~~~~~~~~~~~~~~~
  {
    name: "subsection",
    begin: PLAIN_BEGIN,
    next: /^~{3}/u,
    cont: /.*/su,
    contnext: /^~{0,2}[^~]/u,
    goesOn: notUnderlined("~"),
  },
  // Paragraph title
  // ---------------
  {
    name: "paragraph",
    begin: PLAIN_BEGIN,
    next: /^-{3}/u,
    cont: /.*/su,
    contnext: /^[-~=#]{0,2}[^-~=#]/u,
    goesOn: notUnderlined("-~=#"),
  },
  // | annotation
  {
    name: "annotation",
    first: "|",
    begin: /^\|/u,
    cont: /^\|/u,
    goesOn: (line) => line.startsWith("|"),
  },
  // : raw output
  // (With the "\n" appended, a line of a lone ":" does not go on.)
  {
    name: "raw",
    first: ":",
    begin: /(^: )|(^:$)/u,
    cont: /(^: )|(^:$)/u,
    goesOn: (line) => line.startsWith(": "),
  },
  // * item
  //   continued
  {
    name: "itemize",
    first: "*",
    begin: /^\* .+/su,
    cont: /(^  +[^ ])|(^\n)|(^\* .+)/su,
    contnext: /^.*$/su,
    goesOn: (line) => isEmpty(line) || indented(line) || line.startsWith("* "),
  },
  {
    name: "item",
    first: "*",
    begin: /^\* .+/su,
    cont: /(^ {2}.+)|(^\n)/su,
    goesOn: (line) => isEmpty(line) || indented(line),
  },
  // # numbered item
  {
    name: "enumeration",
    first: "#",
    begin: /^# .+/su,
    cont: /(^  +[^ ])|(^\n)|(^# .+)/su,
    goesOn: (line) => isEmpty(line) || indented(line) || line.startsWith("# "),
  },
  {
    name: "enum",
    first: "#",
    begin: /^# .+/su,
    cont: /(^ {2}.+)|(^\n)/su,
    goesOn: (line) => isEmpty(line) || indented(line),
  },
  // :Term:
  //
  //   body, indented by two spaces
  {
    name: "description",
    first: ":",
    begin: /^:[^:]+:/u,
    cont: /(^  +[^ ])|(^\n)|(^:[^:]+:)/u,
    goesOn: (line) => isEmpty(line) || indented(line) || DESCRIPTION_TERM.test(line),
  },
  {
    name: "descitem",
    first: ":",
    begin: /^:[^:]+:/u,
    cont: /(^ {2}.+)|(^\n)/su,
    goesOn: (line) => isEmpty(line) || indented(line),
  },
  // ! verbatim
  {
    name: "verbatim",
    first: "!",
    begin: /^!/u,
    cont: /^!/u,
    goesOn: (line) => line.startsWith("!"),
  },
  // A paragraph goes on at a line that starts with a word character, ( ' " or [,
  // optionally after one * or _.
  {
    name: "plain",
    begin: PLAIN_BEGIN,
    cont: /^([*_])?[\p{L}\p{N}_('"[]/u,
    goesOn: (line) => {
      // Most lines go on with an ASCII letter or digit, which the pattern
      // takes; it is asked about the rest.
      const code = line.charCodeAt(0);
      const lower = code | 32;
      return (lower >= 97 && lower <= 122) || (code >= 48 && code <= 57) || PLAIN_CONT.test(line);
    },
  },
  // (With the "\n" appended, no line matches: each empty line is a block.)
  { name: "empty", begin: /^ *$/u, cont: /^ *$/u, goesOn: never },
  { name: "undefined", begin: /.*/su, cont: /(?!)/u, goesOn: never },
];

/** Each style by name. */
export const STYLES = new Map(STYLE_LIST.map((style) => [style.name, style])) as ReadonlyMap<
  StyleName,
  Style
>;

/** The block contexts of GOSH, by the styles they may contain (before empty and undefined). */
export type Context =
  | "documentmain"
  | "abstract"
  | "chapter"
  | "section"
  | "subsection"
  | "paragraph"
  | "itemize"
  | "enumeration"
  | "description"
  | "body";

const BODY: StyleName[] = [
  "annotation",
  "raw",
  "itemize",
  "enumeration",
  "description",
  "verbatim",
  "plain",
];

/** What each context may contain, in the order gosh tries them. */
export const SUBSTYLES: Readonly<Record<Context, readonly StyleName[]>> = {
  documentmain: ["header", "abstract", "chapter", "paragraph", ...BODY],
  abstract: ["itemize", "enumeration", "description", "plain"],
  chapter: ["section", "paragraph", ...BODY],
  section: ["subsection", "paragraph", ...BODY],
  subsection: ["paragraph", ...BODY],
  paragraph: BODY,
  itemize: ["item"],
  enumeration: ["enum"],
  description: ["descitem"],
  // The body of an item, an enumeration item or a description item.
  body: BODY,
};
