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
  next?: RegExp;
  cont: RegExp;
  contnext?: RegExp;
}

// A plain paragraph starts at any line that is not indented, not empty and
// not a comment.
const PLAIN_BEGIN = /^[^ \n;].*/su;

const STYLE_LIST: Style[] = [
  //      Title of the document     (indented lines and blank lines at the start)
  { name: "header", begin: /^ +.+/su, cont: /(^ +.+)|(^\n)/su },
  // Abstract
  // ########
  {
    name: "abstract",
    begin: /^Abstract.*/su,
    next: /^###/u,
    cont: /.*/su,
    contnext: /(^[^(#)])|(^\n)/u,
  },
  // Chapter title
  // #############
  { name: "chapter", begin: PLAIN_BEGIN, next: /^#{3}/u, cont: /.*/su, contnext: /^#{0,2}[^#]/u },
  // Section title
  // =============
  { name: "section", begin: PLAIN_BEGIN, next: /^={3}/u, cont: /.*/su, contnext: /^={0,2}[^=]/u },
  // Subsection title
  // ~~~~~~~~~~~~~~~~
  {
    name: "subsection",
    begin: PLAIN_BEGIN,
    next: /^~{3}/u,
    cont: /.*/su,
    contnext: /^~{0,2}[^~]/u,
  },
  // Paragraph title
  // ---------------
  {
    name: "paragraph",
    begin: PLAIN_BEGIN,
    next: /^-{3}/u,
    cont: /.*/su,
    contnext: /^[-~=#]{0,2}[^-~=#]/u,
  },
  // | annotation
  { name: "annotation", begin: /^\|/u, cont: /^\|/u },
  // : raw output
  { name: "raw", begin: /(^: )|(^:$)/u, cont: /(^: )|(^:$)/u },
  // * item
  //   continued
  { name: "itemize", begin: /^\* .+/su, cont: /(^  +[^ ])|(^\n)|(^\* .+)/su, contnext: /^.*$/su },
  { name: "item", begin: /^\* .+/su, cont: /(^ {2}.+)|(^\n)/su },
  // # numbered item
  { name: "enumeration", begin: /^# .+/su, cont: /(^  +[^ ])|(^\n)|(^# .+)/su },
  { name: "enum", begin: /^# .+/su, cont: /(^ {2}.+)|(^\n)/su },
  // :Term:
  //
  //   body, indented by two spaces
  { name: "description", begin: /^:[^:]+:/u, cont: /(^  +[^ ])|(^\n)|(^:[^:]+:)/u },
  { name: "descitem", begin: /^:[^:]+:/u, cont: /(^ {2}.+)|(^\n)/su },
  // ! verbatim
  { name: "verbatim", begin: /^!/u, cont: /^!/u },
  // A paragraph goes on at a line that starts with a word character, ( ' " or [,
  // optionally after one * or _.
  { name: "plain", begin: PLAIN_BEGIN, cont: /^([*_])?[\p{L}\p{N}_('"[]/u },
  { name: "empty", begin: /^ *$/u, cont: /^ *$/u },
  { name: "undefined", begin: /.*/su, cont: /(?!)/u },
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
