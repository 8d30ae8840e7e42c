/**
 * fast-check generators of documents: GOSH-shaped lines, mixed with noise.
 */
import fc from "fast-check";

// Lines that exercise every GOSH construct and its edge cases.
const GOSH_LINES = [
  "",
  "  ",
  "Chapter title",
  "###############",
  "Section title",
  "===============",
  "~~~~~~~~~~~~~~~",
  "---------------",
  "Abstract",
  ":Idea title:",
  ":Idea with colon: in it:",
  ":Inline: body text",
  "  body line with _italic_ and *bold* and 'code'.",
  "  Genode's 'Input' and users' data, [https://example.org/x - a link].",
  "  [https://example.org/y] and [Chapter title] and [no link]",
  "  (parenthesised) continuation",
  "    over-indented",
  "   three spaces",
  "  * item",
  "    * nested item",
  "  # step",
  "  ! verbatim 'not code'",
  "  !",
  "  | annotation",
  "  : <raw>",
  "  : raw http://x.y for @someone",
  "  ; indented comment",
  "; ideas-sync: key=pinned-key",
  "; ideas-sync: key=bad key",
  "; a comment",
  "* top item",
  "# top step",
  "! top verbatim",
  "\tTab indented",
  "- dash line",
  "_a *b_ c* 'd",
  "[http://a.b/c_(d) - T (tip)]",
  "::",
  ": ",
  ":",
  "\uFEFF",
];

/** One GOSH-ish line: mostly from the list, sometimes random text. */
export const goshLine = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...GOSH_LINES) },
  { weight: 1, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 20 }) },
  {
    weight: 2,
    arbitrary: fc
      .array(
        fc.constantFrom(
          " ",
          "_",
          "*",
          "'",
          "[",
          "]",
          "(",
          ")",
          '"',
          "-",
          ":",
          "a",
          "b",
          "http://x.y",
          " - ",
        ),
        {
          maxLength: 30,
        },
      )
      .map((parts) => parts.join("")),
  },
);

/** A GOSH-ish document with LF, CRLF or mixed line ends. */
export const goshDocument = fc
  .tuple(fc.array(goshLine, { maxLength: 60 }), fc.constantFrom("\n", "\r\n", "\r"))
  .map(([lines, end]) => lines.join(end));

// Lines that exercise Markdown reading.
const MARKDOWN_LINES = [
  "",
  "# Title",
  "## Section",
  "### Idea",
  "#### Sub-heading",
  "Paragraph with **bold**, _em_, `code` and [a link](https://example.org).",
  "Mail x@y.z or 0@.A, see <ab:c>, <a:b>, www.example.org and @someone.",
  "- item",
  "  - nested",
  "1. first",
  "- [x] done",
  "- [ ] to do",
  "  * [X] nested and done",
  "```",
  "### inside a fence",
  "| a | b |",
  "| - | - |",
  "<!-- ideas-sync: key=pinned -->",
  "<!-- a comment -->",
  '<a name="x"></a>',
  "---",
  "title: front matter",
  "> quote",
  "    indented code",
  "Setext",
  "======",
];

/** A Markdown-ish document. */
export const markdownDocument = fc
  .array(
    fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom(...MARKDOWN_LINES) },
      { weight: 1, arbitrary: fc.string({ maxLength: 40 }) },
    ),
    { maxLength: 60 },
  )
  .map((lines) => lines.join("\n"));
