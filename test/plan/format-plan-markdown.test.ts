/**
 * The plan as a Markdown summary.
 */
import { describe, expect, it } from "vitest";
import { formatPlanMarkdown } from "../../src/plan/format-plan-markdown.js";
import { planJson } from "../../src/plan/plan-json.js";
import { Repo, type TestIdea } from "./harness.js";

const ideas: TestIdea[] = Array.from({ length: 6 }, (_, i) => ({
  title: `Idea ${i}`,
  body: `The text of idea ${i} ${"word ".repeat(i)}is here.`,
  section: i < 3 ? "First" : "Second",
}));

describe("formatPlanMarkdown", () => {
  it("lists each write with a link to its issue, the title, what changes and why", () => {
    const repo = new Repo();
    repo.sync(ideas);
    const plan = repo.plan([
      { ...ideas[0]!, body: "New text." },
      ideas[1]!,
      ideas[2]!,
      ideas[3]!,
      ideas[4]!,
    ]);
    const text = formatPlanMarkdown(plan, "https://github.com/o/r");
    expect(text).toContain(
      "**doc/ideas.txt** at c000000: 5 ideas, 6 idea issues (6 open); 3 writes planned.",
    );
    expect(text).toMatch(
      /\| update +\| \[#1\]\(https:\/\/github\.com\/o\/r\/issues\/1\) +\| Idea 0 \(body\) +\| its text changed in the document +\|/,
    );
    expect(text).toMatch(
      /\| close +\| \[#6\]\(https:\/\/github\.com\/o\/r\/issues\/6\) +\| Idea 5 +\| "Idea 5" is no longer in the document +\|/,
    );
    expect(text).not.toContain("Blocked");
  });

  it("says when a plan is blocked, and how to confirm it", () => {
    const repo = new Repo();
    repo.sync(ideas);
    const plan = repo.plan(ideas.slice(0, 2));
    const text = formatPlanMarkdown(plan, "https://github.com/o/r");
    expect(text).toContain(
      "> **Blocked:** this sync would close 4 of 6 open idea issues, more than the 25% allowed at once. To apply it anyway, confirm this plan",
    );
    expect(planJson(plan)).toMatchObject({
      blocked: true,
      writes: 8,
      blocks: [{ rule: "too-many-closes" }],
    });
  });

  it("says when there is nothing to write", () => {
    const repo = new Repo();
    repo.sync(ideas);
    expect(formatPlanMarkdown(repo.plan(ideas), "https://github.com/o/r")).toBe(
      "**doc/ideas.txt** at c000000: 6 ideas, 6 idea issues (6 open); nothing to write.\n",
    );
  });
});
