/**
 * .github/ideas-sync.yml: defaults, and errors that name key and line.
 */
import { describe, expect, it } from "vitest";
import { parseConfig } from "../../src/config/parse-config.js";

describe("parseConfig", () => {
  it("fills in every default", () => {
    expect(parseConfig("documents:\n  - path: doc/challenges.txt\n")).toEqual({
      ok: true,
      config: {
        documents: [
          {
            path: "doc/challenges.txt",
            format: "auto",
            "tracking-label": "idea",
            "section-labels": { prefix: "", names: {} },
            comments: { close: true, rename: true, reopen: true },
            guards: { "max-close-share": 0.25, "min-closes": 3 },
          },
        ],
        "max-writes": 100,
      },
    });
  });

  it("reads the branch and the write cap", () => {
    const result = parseConfig("branch: develop\nmax-writes: 40\ndocuments:\n  - path: a.md\n");
    expect(result.ok && [result.config.branch, result.config["max-writes"]]).toEqual([
      "develop",
      40,
    ]);
    expect(parseConfig("max-writes: 0\ndocuments:\n  - path: a.md\n")).toMatchObject({
      ok: false,
      errors: [{ key: "max-writes", line: 1 }],
    });
  });

  it("reads every setting", () => {
    const result = parseConfig(
      [
        "documents:",
        "  - path: doc/challenges.txt",
        "    format: gosh",
        "    section-depth: 1",
        "    tracking-label: challenge",
        "    section-labels:",
        '      prefix: "area: "',
        "      names:",
        '        "Application frameworks and runtime environments": frameworks',
        "        Platforms: false",
        "    comments: { close: false, rename: true, reopen: false }",
        "    guards: { max-close-share: 0.6, min-closes: 5 }",
        "  - path: IDEAS.md",
        "    idea-depth: 2",
        "    section-depth: 0",
      ].join("\n"),
    );
    expect(result.ok && result.config.documents).toMatchObject([
      {
        format: "gosh",
        "section-depth": 1,
        "tracking-label": "challenge",
        "section-labels": { prefix: "area: ", names: { Platforms: false } },
        comments: { close: false, rename: true, reopen: false },
        guards: { "max-close-share": 0.6, "min-closes": 5 },
      },
      { path: "IDEAS.md", "idea-depth": 2, "section-depth": 0 },
    ]);
  });

  it.each([
    ["", [{ key: "documents", line: null, message: "is required" }]],
    ["documents: []\n", [{ key: "documents", line: 1, message: "list at least one document" }]],
    [
      "documents:\n  - format: gosh\n",
      [{ key: "documents[0].path", line: null, message: "is required" }],
    ],
    [
      "documents:\n  - path: /etc/passwd\n",
      [
        {
          key: "documents[0].path",
          line: 2,
          message: expect.stringContaining("a path inside the repository"),
        },
      ],
    ],
    [
      "documents:\n  - path: ../x.md\n",
      [
        {
          key: "documents[0].path",
          line: 2,
          message: expect.stringContaining("a path inside the repository"),
        },
      ],
    ],
    [
      "documents:\n  - path: a.md\n    tracking-labl: idea\n",
      [{ key: "documents[0].tracking-labl", line: 3, message: 'unknown key "tracking-labl"' }],
    ],
    [
      "documents:\n  - path: a.md\n    tracking-label: 7\n",
      [
        {
          key: "documents[0].tracking-label",
          line: 3,
          message: expect.stringContaining("expected string"),
        },
      ],
    ],
    [
      "documents:\n  - path: a.md\n    tracking-label: " + "x".repeat(51) + "\n",
      [
        {
          key: "documents[0].tracking-label",
          line: 3,
          message: "GitHub label names are at most 50 characters",
        },
      ],
    ],
    [
      "documents:\n  - path: a.md\n    format: rst\n",
      [{ key: "documents[0].format", line: 3, message: expect.stringContaining('"auto"') }],
    ],
    [
      "documents:\n  - path: a.txt\n    format: gosh\n    idea-depth: 2\n",
      [
        {
          key: "documents[0].idea-depth",
          line: 4,
          message: expect.stringContaining("Markdown only"),
        },
      ],
    ],
    [
      "documents:\n  - path: a.md\n    idea-depth: 2\n    section-depth: 2\n",
      [
        {
          key: "documents[0].section-depth",
          line: 4,
          message: expect.stringContaining("less than the idea depth (2)"),
        },
      ],
    ],
    // format: auto reads a .txt file as GOSH, whose rules then apply.
    [
      "documents:\n  - path: doc/challenges.txt\n    idea-depth: 2\n",
      [
        {
          key: "documents[0].idea-depth",
          line: 3,
          message: expect.stringContaining("Markdown only"),
        },
      ],
    ],
    [
      "documents:\n  - path: doc/challenges.txt\n    section-depth: 5\n",
      [
        {
          key: "documents[0].section-depth",
          line: 3,
          message: expect.stringContaining("for GOSH must be 1"),
        },
      ],
    ],
    [
      "documents:\n  - path: a.md\n    guards:\n      max-close-share: 2\n",
      [{ key: "documents[0].guards.max-close-share", line: 4, message: expect.any(String) }],
    ],
    [
      "documents:\n  - path: a.md\n  - path: a.md\n",
      [{ key: "documents[1].path", line: 3, message: "the same document as documents[0]" }],
    ],
    ["documents: [\n", [{ key: "", line: 2, message: expect.stringContaining("not valid YAML") }]],
    [
      "documents:\n  - path: a.md\n  - path: a.md\n    path: b.md\n",
      [{ key: "", line: 4, message: expect.stringContaining("not valid YAML") }],
    ],
  ])("reports %j with its key and line", (text, errors) => {
    expect(parseConfig(text)).toEqual({ ok: false, errors });
  });
});

describe("field-labels", () => {
  const doc = (rules: string) => `documents:\n  - path: a.md\n    field-labels:\n${rules}`;

  it("reads rules, one name or several, words as a list or a map", () => {
    const result = parseConfig(
      doc(
        '      - field: Difficulty\n        label: "difficulty: {value}"\n        values: [easy, hard]\n' +
          '      - field: [Hours, Size]\n        label: "size: {value}"\n        values: { "90": small }\n        color: "#FBCA04"\n',
      ),
    );
    expect(result.ok && result.config.documents[0]?.["field-labels"]).toEqual([
      { field: "Difficulty", label: "difficulty: {value}", values: ["easy", "hard"] },
      {
        field: ["Hours", "Size"],
        label: "size: {value}",
        values: { "90": "small" },
        color: "fbca04",
      },
    ]);
  });

  it.each([
    [
      '      - field: Difficulty\n        lable: "d: {value}"\n',
      [
        { key: "documents[0].field-labels[0].label", line: null, message: "is required" },
        { key: "documents[0].field-labels[0].lable", line: 5, message: 'unknown key "lable"' },
      ],
    ],
    [
      `      - field: Difficulty\n        label: "{value}"\n        values: [${"x".repeat(51)}]\n`,
      [
        {
          key: "documents[0].field-labels[0].label",
          line: 5,
          message: expect.stringContaining("longer than GitHub's 50 characters"),
        },
      ],
    ],
    [
      '      - field: []\n        label: "d: {value}"\n        color: red\n',
      [
        {
          key: "documents[0].field-labels[0].field",
          line: 4,
          message: "list at least one field name",
        },
        {
          key: "documents[0].field-labels[0].color",
          line: 6,
          message: 'six hex digits, such as "fbca04"',
        },
      ],
    ],
  ])("reports %j with its key and line", (rules, errors) => {
    expect(parseConfig(doc(rules))).toEqual({ ok: false, errors });
  });
});
