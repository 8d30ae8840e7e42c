/**
 * renderMarkdown escapes text with a faster handler than remark-stringify's
 * own; these tests hold it to the same output, on real documents and on
 * random trees built from the characters Markdown treats specially.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import type { BlockContent, ListItem, PhrasingContent, RootContent } from "mdast";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { describe, expect, it } from "vitest";
import { parseGosh } from "../../src/document/gosh/parse-gosh.js";
import { parseMarkdown } from "../../src/document/markdown/parse-markdown.js";
import { renderMarkdown } from "../../src/document/render-markdown.js";
import { readDocument } from "../../src/document/read-document.js";
import { renderMarkdownEach } from "../../src/document/render-markdown-each.js";
import { renderMarkdownTogether } from "../../src/document/render-markdown-together.js";
import { findGoshEntries } from "../../src/document/gosh/find-gosh-entries.js";
import { Diagnostics } from "../../src/document/diagnostics.js";
import { goshDocument, markdownDocument } from "../support/arbitraries.js";
import { propertyParameters } from "../support/property-parameters.js";
import { MARKDOWN_IDEAS, genodeRevisions } from "../support/corpus.js";
import { withCorpus } from "../support/with-corpus.js";

// Seeded: propertyParameters gives every property the run's FC_SEED, which
// the run prints at its end and a failure prints with its path.

function expectSameAsRemark(nodes: RootContent[]): void {
  const remark = renderMarkdown(nodes, { plainRemark: true });
  expect(renderMarkdown(nodes)).toBe(remark);
  // renderMarkdownEach writes most bodies in one pass over the nodes as
  // they are, without rewriting them first: the same again.
  expect(renderMarkdownEach([nodes], renderMarkdownTogether)).toEqual([remark]);
}

// A whole document holds headings, which remark writes; an idea's body
// mostly does not, and its paragraphs, lists and code are written without
// remark. Each run of blocks between headings is held to remark's output too.
function expectBodiesSameAsRemark(nodes: RootContent[]): void {
  expectSameAsRemark(nodes);
  let run: RootContent[] = [];
  for (const node of [...nodes, null]) {
    if (node === null || node.type === "heading") {
      if (run.length > 0) expectSameAsRemark(run);
      run = [];
    } else if (node.type === "descriptionList") {
      for (const item of node.children) expectSameAsRemark(item.children[1].children);
      run.push(node);
    } else {
      run.push(node);
    }
  }
}

// Characters and pairs that remark escapes somewhere, and plain ones.
const piece = fc.constantFrom(
  ..."\\`*_[]<>#!&~|@.:()-+=\"' \t\n\r0123456789aWwps".split(""),
  "www.",
  "http://",
  "](",
  "1.",
  "2)",
  " - ",
  "--",
  "word",
  "\u007f",
  "\u0000",
);
const text = fc.array(piece, { minLength: 1, maxLength: 12 }).map((parts) => parts.join(""));

const phrasing: fc.Arbitrary<PhrasingContent> = fc.letrec<{ node: PhrasingContent }>((tie) => ({
  node: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    { weight: 5, arbitrary: text.map((value): PhrasingContent => ({ type: "text", value })) },
    text.map((value): PhrasingContent => ({ type: "inlineCode", value })),
    fc
      .array(tie("node"), { minLength: 1, maxLength: 3 })
      .map((children): PhrasingContent => ({ type: "emphasis", children })),
    fc
      .array(tie("node"), { minLength: 1, maxLength: 3 })
      .map((children): PhrasingContent => ({ type: "strong", children })),
    fc
      .tuple(
        fc.array(tie("node"), { minLength: 1, maxLength: 3 }),
        fc.constantFrom("https://example.org/a", "x y", "http://a.b"),
      )
      .map(([children, url]): PhrasingContent => ({ type: "link", url, children })),
  ),
})).node;

const phrasings = fc.array(phrasing, { minLength: 1, maxLength: 5 });
const block: fc.Arbitrary<BlockContent> = fc.oneof(
  phrasings.map((children): BlockContent => ({ type: "paragraph", children })),
  fc.tuple(fc.integer({ min: 1, max: 6 }), phrasings).map(([depth, children]): BlockContent => ({
    type: "heading",
    depth: depth as 1,
    children,
  })),
  fc.array(phrasings, { minLength: 1, maxLength: 3 }).map((items): BlockContent => ({
    type: "list",
    ordered: false,
    children: items.map((children) => ({
      type: "listItem",
      children: [{ type: "paragraph", children }],
    })),
  })),
  phrasings.map((children): BlockContent => ({
    type: "blockquote",
    children: [{ type: "paragraph", children }],
  })),
  fc.array(phrasings, { minLength: 2, maxLength: 2 }).map(([a, b]): BlockContent => ({
    type: "table",
    children: [
      { type: "tableRow", children: [{ type: "tableCell", children: a ?? [] }] },
      { type: "tableRow", children: [{ type: "tableCell", children: b ?? [] }] },
    ],
  })),
);

// Paragraphs of plain words with a little markup, as most of an ideas
// document is: renderMarkdown writes those itself, and must write what
// remark would, whatever stands next to the markup.
const word = fc.constantFrom("word", "a", "0", "é", "Genode's", "x-y", "ab12");
const plainText = fc
  .array(
    fc.constantFrom(
      ..."word a 9 é".split(" "),
      // Halves of the pairs remark escapes ("w.x", "s:/"), which may meet
      // across the edge of a text.
      ..."w W p s / w.".split(" "),
      ..." .,()!-:?\n".split(""),
      " ",
      // A stray byte order mark, which the rewrite drops.
      "\uFEFF",
    ),
    {
      minLength: 1,
      maxLength: 6,
    },
  )
  .map((parts) => parts.join(""));
// A URL of any printable ASCII after its scheme: remark escapes some of
// those characters in a link's destination, in some places.
// (remark writes `<url>` only for a scheme without digits.)
const anyUrl = fc
  .tuple(
    fc.constantFrom("https://a.b/", "s3://b/", "a1:", "web+x:"),
    fc.string({
      unit: fc.constantFrom(..."!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~aAs0".split("")),
      maxLength: 8,
    }),
  )
  .map(([scheme, rest]) => `${scheme}${rest}`);
const plainPhrasing: fc.Arbitrary<PhrasingContent> = fc.oneof(
  { arbitrary: plainText.map((value): PhrasingContent => ({ type: "text", value })), weight: 4 },
  fc
    .constantFrom("code", " x", "a b", " ", "`", "x ", " y ")
    .map((value): PhrasingContent => ({ type: "inlineCode", value })),
  fc
    .tuple(fc.constantFrom("emphasis", "strong"), fc.oneof(word, plainText))
    .map(
      ([type, value]): PhrasingContent =>
        ({ type, children: [{ type: "text", value }] }) as PhrasingContent,
    ),
  fc
    .tuple(
      fc.oneof(
        fc.constantFrom(
          "https://example.org/a",
          "http://a.b/c?d=e",
          "mailto:x@y.z",
          "mailto:0@.A",
          "a:b",
          "a b",
          "x",
        ),
        anyUrl,
      ),
      fc.oneof(
        word,
        fc.constantFrom("https://example.org/a", "http://a.b/c?d=e", "x@y.z", "0@.A", "a:b"),
      ),
    )
    .map(([url, value]): PhrasingContent => ({
      type: "link",
      url,
      children: [{ type: "text", value }],
    })),
  // A link whose text is its URL, which may be written <url>.
  anyUrl.map((url): PhrasingContent => ({
    type: "link",
    url,
    children: [{ type: "text", value: url }],
  })),
  // A GOSH cross reference: its text stays, the link goes.
  fc.oneof(word, plainText).map((value): PhrasingContent => ({
    type: "link",
    url: "#x",
    data: { goshCrossReference: true },
    children: [{ type: "text", value }],
  })),
);

describe("renderMarkdown's text escaping", () => {
  it("looks past a text that writes nothing for what follows emphasis", () => {
    // "_d_p" is no emphasis when read back: remark escapes it, and so must
    // the writers that stand in for it.
    for (const type of ["emphasis", "strong"] as const) {
      for (const after of ["p", "9", "é", " p", "."]) {
        expectSameAsRemark([
          {
            type: "paragraph",
            children: [
              { type, children: [{ type: "text", value: "d" }] },
              { type: "text", value: "" },
              { type: "text", value: after },
            ],
          },
        ]);
      }
    }
  });

  it("escapes a pair that two texts make across their edge", () => {
    // A cross reference's text stands next to the text after it.
    for (const [left, right] of [
      ["a w", ".x and more"],
      ["see s", ":/x and more"],
      ["a new", ".thing and more"],
    ]) {
      expectSameAsRemark([
        {
          type: "paragraph",
          children: [
            {
              type: "link",
              url: "#x",
              data: { goshCrossReference: true },
              children: [{ type: "text", value: left as string }],
            },
            { type: "text", value: right as string },
          ],
        },
      ]);
    }
  });

  it("is remark-stringify's on random trees of Markdown's special characters", () => {
    fc.assert(
      fc.property(fc.array(block, { minLength: 1, maxLength: 4 }), expectSameAsRemark),
      propertyParameters(2000),
    );
  });

  it("is remark-stringify's on random paragraphs of plain words and simple markup", () => {
    // An empty paragraph too: the rewrite drops it.
    const paragraphs = fc
      .array(plainPhrasing, { minLength: 0, maxLength: 6 })
      .map((children): RootContent => ({ type: "paragraph", children }));
    const list = fc
      .record({
        items: fc.array(paragraphs, { minLength: 1, maxLength: 3 }),
        ordered: fc.boolean(),
        spread: fc.constantFrom(false, true, undefined),
        start: fc.constantFrom(undefined, 0, 1, 7, -1),
      })
      .map(({ items, ordered, spread, start }): RootContent => {
        const node: RootContent = {
          type: "list",
          ordered,
          children: items.map((paragraph) => ({
            type: "listItem",
            spread: false,
            children: [paragraph as BlockContent],
          })),
        };
        if (spread !== undefined) node.spread = spread;
        if (start !== undefined) node.start = start;
        return node;
      });
    const code = fc
      .constantFrom(
        "",
        "x",
        "make run/x\nmake test",
        "a `b` c",
        "```",
        "x\n\n  y",
        " ",
        // What the rewrite changes in code: carriage returns and NUL.
        "make\r\ntest",
        "a\rb",
        "x\u0000y",
      )
      .map((value): RootContent => ({ type: "code", lang: null, meta: null, value }));
    fc.assert(
      fc.property(
        fc.array(fc.oneof(paragraphs, list, list, code), { minLength: 1, maxLength: 4 }),
        expectSameAsRemark,
      ),
      propertyParameters(3000),
    );
  });

  it("is remark-stringify's on random GOSH and Markdown documents", () => {
    fc.assert(
      fc.property(goshDocument, markdownDocument, (gosh, markdown) => {
        expectBodiesSameAsRemark(parseGosh(gosh).tree.children);
        expectBodiesSameAsRemark(parseMarkdown(markdown).tree.children);
      }),
      propertyParameters(300),
    );
  });

  withCorpus("genode").it("is remark-stringify's on every Genode revision", () => {
    for (const revision of genodeRevisions()) {
      expectBodiesSameAsRemark(parseGosh(readFileSync(revision.path, "utf8")).tree.children);
    }
  });

  withCorpus("markdown-ideas").it("is remark-stringify's on every Markdown corpus document", () => {
    const root = MARKDOWN_IDEAS as string;
    for (const name of readdirSync(root)) {
      for (const file of readdirSync(join(root, name)).filter((f) => f.endsWith(".md"))) {
        expectBodiesSameAsRemark(
          parseMarkdown(readFileSync(join(root, name, file), "utf8")).tree.children,
        );
      }
    }
  });
});

describe("renderMarkdownEach", () => {
  const bodiesOf = (text: string) =>
    findGoshEntries(parseGosh(text).tree.children, 1, new Diagnostics()).map((entry) => entry.body);
  const expectEachAsOne = (bodies: RootContent[][]): void => {
    const alone = bodies.map((body) => renderMarkdown(body));
    expect(renderMarkdownTogether(bodies)).toEqual(alone);
    expect(renderMarkdownEach(bodies, renderMarkdownTogether)).toEqual(alone);
  };

  it("renders each body as renderMarkdown does alone, on random documents and trees", () => {
    fc.assert(
      fc.property(goshDocument, (text) => expectEachAsOne(bodiesOf(text))),
      propertyParameters(300),
    );
    fc.assert(
      fc.property(fc.array(fc.array(block, { maxLength: 3 }), { maxLength: 5 }), expectEachAsOne),
      propertyParameters(1000),
    );
  });

  withCorpus("genode").it(
    "renders each body as renderMarkdown does alone, on every Genode revision",
    () => {
      for (const revision of genodeRevisions())
        expectEachAsOne(bodiesOf(readFileSync(revision.path, "utf8")));
    },
  );

  it("asks the writer of the rest only for the bodies it cannot write directly, in order", () => {
    const paragraph = (value: string): BlockContent[] => [
      { type: "paragraph", children: [{ type: "text", value }] },
    ];
    const nested: RootContent[] = [
      {
        type: "list",
        children: [
          {
            type: "listItem",
            children: [
              ...paragraph("a"),
              { type: "list", children: [{ type: "listItem", children: paragraph("b") }] },
            ],
          },
        ],
      },
    ];
    const asked: Array<ReadonlyArray<readonly RootContent[]>> = [];
    const writeRest = (bodies: ReadonlyArray<readonly RootContent[]>): string[] => {
      asked.push(bodies);
      return renderMarkdownTogether(bodies);
    };
    const plain = [paragraph("One."), paragraph("Two.")];
    expect(renderMarkdownEach(plain, writeRest)).toEqual(["One.", "Two."]);
    expect(asked).toEqual([]);
    const mixed = [
      paragraph("One."),
      nested,
      paragraph("Two."),
      [{ type: "heading", depth: 4, children: [{ type: "text", value: "H" }] }] as RootContent[],
    ];
    expect(renderMarkdownEach(mixed, writeRest)).toEqual([
      "One.",
      renderMarkdown(nested),
      "Two.",
      "#### H",
    ]);
    expect(asked).toEqual([[nested, mixed[3]]]);
  });

  it("falls back to one body at a time when a body holds the separator", () => {
    const sneaky: RootContent[] = [{ type: "html", value: "<!-- ideas-sync:next-body:c1f0d -->" }];
    const plain: RootContent[] = [
      { type: "paragraph", children: [{ type: "text", value: "Text." }] },
    ];
    expectEachAsOne([plain, sneaky, plain]);
  });
});

describe("renderMarkdown's links and raw text", () => {
  const render = (text: string, format: "gosh" | "markdown") =>
    readDocument(text, { format, sectionDepth: 2, ideaDepth: 3 }).sections[0]?.ideas[0]?.markdown;

  it("writes <address> only where it reads back as a link, and [text](url) elsewhere", () => {
    // "0@.A" is an e-mail link to GFM, but "<0@.A>" is no CommonMark autolink.
    expect(render("### Idea\n0@.A", "markdown")).toBe("[0@.A](mailto:0@.A)");
    expect(render("### Idea\nMail x@y.z.", "markdown")).toBe("Mail <x@y.z>.");
    const link = (url: string, value: string): RootContent => ({
      type: "paragraph",
      children: [{ type: "link", url, children: [{ type: "text", value }] }],
    });
    expect(renderMarkdown([link("a:b", "a:b")])).toBe("[a:b](a:b)");
    expect(renderMarkdown([link("ab:c", "ab:c")])).toBe("<ab:c>");
    const long = `${"s".repeat(33)}:x`;
    expect(renderMarkdown([link(long, long)])).toBe(`[${long}](${long})`);
    // remark writes a scheme with digits as [text](url), and a "!" before
    // it must not make it an image: directly, and where remark writes the
    // body (a nested list sends it there).
    expect(renderMarkdown([link("s3:b", "s3:b")])).toBe("[s3:b](s3:b)");
    expect(render("### Idea\nHi!<s3:b>", "markdown")).toBe("Hi\\![s3:b](s3:b)");
    expect(render("### Idea\nHi!<s3:b>\n\n- one\n  - deeper", "markdown")).toBe(
      "Hi\\![s3:b](s3:b)\n\n- one\n  - deeper",
    );
  });

  it("rewrites a GOSH raw line shown as text as any text: links and no mentions", () => {
    expect(render(":Idea:: see http://x.y, @someone", "gosh")).toBe(
      "see <http://x.y>, @\u200Bsomeone",
    );
  });
});

describe("renderMarkdown's list items", () => {
  it("writes an item loose when remark must part its blocks, and leaves the tree as it was", () => {
    const paragraph = (value: string): BlockContent => ({
      type: "paragraph",
      children: [{ type: "text", value }],
    });
    const item: ListItem = {
      type: "listItem",
      spread: false,
      children: [
        paragraph("top step"),
        {
          type: "list",
          ordered: true,
          start: 1,
          spread: false,
          children: [{ type: "listItem", spread: false, children: [paragraph("step")] }],
        },
        paragraph("after"),
      ],
    };
    const list: RootContent = {
      type: "list",
      ordered: true,
      start: 3,
      spread: false,
      children: [item],
    };
    // Written tight, "after" would need a blank line before it, and the
    // item would read back loose: a blank line before the nested list too.
    expect(renderMarkdown([list])).toBe("3. top step\n\n   1. step\n\n   after");
    expect(item.spread).toBe(false);
    // An item whose blocks need no blank line stays tight; one with an
    // ordered list after a paragraph needs one unless the list starts at 1.
    const outer = (start: number): RootContent => ({
      type: "list",
      ordered: false,
      spread: false,
      children: [
        {
          type: "listItem",
          spread: false,
          children: [paragraph("a"), { ...list, start, children: [item] }],
        },
      ],
    });
    expect(renderMarkdown([outer(1)])).toBe("- a\n  1. top step\n\n     1. step\n\n     after");
    expect(renderMarkdown([outer(3)])).toBe("- a\n\n  3. top step\n\n     1. step\n\n     after");
    for (const start of [1, 3]) {
      const markdown = renderMarkdown([outer(start)]);
      expect(
        renderMarkdown(unified().use(remarkParse).use(remarkGfm).parse(markdown).children),
      ).toBe(markdown);
    }
  });

  it("keeps the boxes of task items, ticked or not, however the rest of the body is written", () => {
    const text = [
      "## Ideas",
      "### Tasks",
      "- [x] done",
      "- [ ] to do",
      "",
      "1. [X] ordered",
      "",
      "* [ ] loose",
      "",
      "  with a paragraph",
      "* plain",
    ].join("\n");
    const idea = readDocument(text, { format: "markdown", sectionDepth: 2, ideaDepth: 3 })
      .sections[0]?.ideas[0];
    expect(idea?.markdown).toBe(
      "- [x] done\n- [ ] to do\n\n1. [x] ordered\n\n- [ ] loose\n\n  with a paragraph\n- plain",
    );
  });
});
