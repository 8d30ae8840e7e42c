/**
 * Texts ideas-sync writes name people without notifying them.
 */
import { describe, expect, it } from "vitest";
import { neutralizeMentions } from "../../src/plan/neutralize-mentions.js";

const ZWSP = "\u200B";
// A mention as GitHub finds one: "@" and a name, not after a word character.
const RAW_MENTION = /(^|[^\p{L}\p{N}_.+-])@[A-Za-z0-9]/u;

describe("neutralizeMentions", () => {
  it("stops user and team mentions, keeping the text as it reads", () => {
    const text = neutralizeMentions("Ask @octocat and @github/docs-team (or @Someone-Else).");
    expect(text).toBe(
      `Ask @${ZWSP}octocat and @${ZWSP}github/docs-team (or @${ZWSP}Someone-Else).`,
    );
    expect(text).not.toMatch(RAW_MENTION);
    expect(text.replaceAll(ZWSP, "")).toBe(
      "Ask @octocat and @github/docs-team (or @Someone-Else).",
    );
  });

  it("leaves code, links, bare URLs and e-mail addresses alone", () => {
    const kept = [
      "Use `@decorator` syntax",
      "```\n@Override\nvoid f();\n```",
      "[a post](https://medium.com/@writer/post)",
      "See https://medium.com/@writer/post now",
      "Mail me@example.org or first.last@example.org",
      '<a href="https://x.org/@y">link</a>',
      "<!-- @hidden -->",
    ];
    for (const text of kept) expect(neutralizeMentions(text)).toBe(text);
  });

  it("stops mentions inside emphasis, lists, tables, HTML text and character references", () => {
    const source = [
      "- *cc @alice*",
      "",
      "| who |",
      "| --- |",
      "| @bob |",
      "",
      "<p>cc @carol</p>",
      "",
      "&#64;dave and \\@erin",
    ].join("\n");
    const text = neutralizeMentions(source);
    for (const name of ["alice", "bob", "carol", "erin"]) expect(text).toContain(`@${ZWSP}${name}`);
    expect(text).toContain(`&#64;${ZWSP}dave`);
    expect(text.replaceAll(ZWSP, "")).toBe(source);
  });

  it("is idempotent, and leaves text without mentions as it is", () => {
    const once = neutralizeMentions("Ping @octocat about `@x`");
    expect(neutralizeMentions(once)).toBe(once);
    const plain = "Nothing to see & nothing to change *here*";
    expect(neutralizeMentions(plain)).toBe(plain);
  });
});
