/**
 * Reading Markdown in parts gives the tree of the whole: cases where a
 * definition's label, the front matter or a byte order mark defeat the cut.
 */
import { describe, expect, it } from "vitest";
import { readMarkdownTree } from "../../src/document/markdown/read-markdown-tree.js";

const inParts = (text: string) => JSON.stringify(readMarkdownTree(text, 1));
const whole = (text: string) => JSON.stringify(readMarkdownTree(text, Infinity));

const CASES: Record<string, string> = {
  "a label with an escaped bracket": "# A\n\n[a\\]b]: /u\n\n# B\n\nsee [a\\]b]\n",
  "a label with a character reference": "# A\n\n[a&amp;b]: /u\n\n# B\n\nsee [a&amp;b]\n",
  "a label whose case fold differs from its lower case (ß)":
    "# A\n\n[Straße]: /u\n\n# B\n\nsee [Straße]\n",
  "a label with a ligature": "# A\n\n[ﬁx]: /u\n\n# B\n\nsee [ﬁx]\n",
  "a label with a no-break space": "# A\n\n[a\u00a0b]: /u\n\n# B\n\nsee [a\u00a0b]\n",
  "a label across two lines": "# A\n\n[a\nb]: /u\n\n# B\n\nsee [a b]\n\n## C\n",
  "a footnote label with ß": "# A\n\n[^ß]: note\n\n# B\n\nsee[^ß]\n",
  "front matter after a byte order mark, with a YAML comment":
    "\uFEFF---\n# yaml comment\ntitle: x\n---\n\n# Title\n\ntext\n",
  "front matter with an indented fence-like line": "---\na: 1\n  ---\n# H\n\ntext\n---\n\n# Z\n",
};

describe("reading Markdown in parts (labels, front matter, byte order mark)", () => {
  for (const [name, text] of Object.entries(CASES))
    it(`gives the whole tree for ${name}`, () => {
      expect(inParts(text)).toBe(whole(text));
    });
});
