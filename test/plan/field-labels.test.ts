/**
 * Field labels: made from each idea's fields by the `field-labels` rules,
 * and owned by ideas-sync the way section labels are.
 */
import { describe, expect, it } from "vitest";
import { readDocument } from "../../src/document/read-document.js";
import { fieldLabels } from "../../src/plan/field-labels.js";
import { readIssueBody } from "../../src/plan/issue-body.js";
import type { Action } from "../../src/plan/types.js";
import { configOf, Repo, type TestIdea } from "./harness.js";

const RULES = `field-labels:
  - field: Difficulty
    label: "difficulty: {value}"
    values: [easy, medium, hard]
  - field: [Hours, Expected project size]
    label: "size: {value}"
    values: { "90": small, "175": medium, "350": large, small: small, large: large }
    color: "#BFD4F2"
    description: How long the project takes
  - field: Mentor
    label: "mentor: {value}"
`;

const idea = (difficulty: string, extra = ""): TestIdea => ({
  title: "Wind gauge",
  body: `Measure the wind.\n\nDifficulty: ${difficulty}${extra}`,
  section: "Sensors",
});

const labelsOf = (text: string) =>
  fieldLabels(
    readDocument(`### Idea\n\n${text}\n`, { format: "markdown" }).sections[0]?.ideas[0] as never,
    configOf(RULES),
  ).map((label) => label.name);

const update = (actions: Action[]) => actions.find((action) => action.type === "update-issue");

describe("fieldLabels", () => {
  it.each([
    ["Difficulty: Easy", ["difficulty: easy"]],
    ["Difficulty: Easy to medium depending on choice", ["difficulty: easy", "difficulty: medium"]],
    ["**Difficulty:** HARD", ["difficulty: hard"]],
    ["Difficulty: easyish", []],
    ["Hours: 350", ["size: large"]],
    [
      "- Expected project size: Small (90 hours) - Large (350 hours)",
      ["size: small", "size: large"],
    ],
    ["Mentor: Ann Smith.", ["mentor: Ann Smith"]],
    [`Mentor: ${"x".repeat(60)}`, []],
    ["Difficulty: Medium\n\nHours: 175", ["difficulty: medium", "size: medium"]],
    ["Effort: hard", []],
  ])("%j gives %j", (text, labels) => {
    expect(labelsOf(text)).toEqual(labels);
  });
});

describe("field labels on issues", () => {
  it("puts them on a new issue, records them, and creates each label once with its color and description", () => {
    const repo = new Repo(configOf(RULES));
    const { plan } = repo.sync([
      idea("Easy", "\n\nHours: 350"),
      { ...idea("easy"), title: "Rain gauge" },
    ]);
    const created = plan.actions.filter((action) => action.type === "create-label");
    expect(created.map((action) => action.type === "create-label" && action.label)).toEqual([
      "Sensors",
      "difficulty: easy",
      "idea",
      "size: large",
    ]);
    expect(created[1]).toMatchObject({
      color: "fbca04",
      description: "Difficulty of ideas in doc/ideas.txt",
    });
    expect(created[3]).toMatchObject({
      color: "bfd4f2",
      description: "How long the project takes",
    });
    expect(repo.issue(1).labels).toEqual(["idea", "Sensors", "difficulty: easy", "size: large"]);
    expect(readIssueBody(repo.issue(1).body).marker?.fields).toEqual([
      "difficulty: easy",
      "size: large",
    ]);
    expect(
      repo.sync([idea("Easy", "\n\nHours: 350"), { ...idea("easy"), title: "Rain gauge" }]).counts
        .writes,
    ).toBe(0);
  });

  it("moves the label when the value changes, keeping labels people set", () => {
    const repo = new Repo(configOf(RULES));
    repo.sync([idea("Easy")]);
    repo.store.labels.push("good first issue");
    repo.issue(1).labels.push("good first issue");
    const { plan, counts } = repo.sync([idea("Hard")]);
    expect(counts.writes).toBe(2); // the new label, then one update
    expect(update(plan.actions)).toMatchObject({
      changes: { labels: ["idea", "Sensors", "good first issue", "difficulty: hard"] },
    });
    expect(readIssueBody(repo.issue(1).body).marker?.fields).toEqual(["difficulty: hard"]);
  });

  it("does not put back a label people took off, until the value changes", () => {
    const repo = new Repo(configOf(RULES));
    repo.sync([idea("Easy")]);
    const issue = repo.issue(1);
    issue.labels = issue.labels.filter((label) => label !== "difficulty: easy");
    // The text changes, the value does not: the label stays off.
    expect(repo.sync([idea("Easy", "\n\nMore words.")]).counts.writes).toBe(1);
    expect(repo.issue(1).labels).toEqual(["idea", "Sensors"]);
    // The value changes: the new label comes.
    repo.sync([idea("Medium", "\n\nMore words.")]);
    expect(repo.issue(1).labels).toEqual(["idea", "Sensors", "difficulty: medium"]);
  });

  it("never takes off a label it did not set", () => {
    const repo = new Repo(configOf(RULES));
    repo.sync([idea("Easy")]);
    // A person labels it "difficulty: hard" by hand; the document then says medium.
    repo.store.labels.push("difficulty: hard");
    repo.issue(1).labels.push("difficulty: hard");
    repo.sync([idea("Medium")]);
    expect(repo.issue(1).labels).toEqual([
      "idea",
      "Sensors",
      "difficulty: hard",
      "difficulty: medium",
    ]);
  });

  it("takes its labels off when the field goes, and leaves issues alone without rules", () => {
    const repo = new Repo(configOf(RULES));
    repo.sync([idea("Easy")]);
    repo.sync([{ ...idea("Easy"), body: "Measure the wind." }]);
    expect(repo.issue(1).labels).toEqual(["idea", "Sensors"]);
    expect(readIssueBody(repo.issue(1).body).marker?.fields).toBeUndefined();

    const plain = new Repo();
    plain.sync([idea("Easy")]);
    expect(plain.issue(1).labels).toEqual(["idea", "Sensors"]);
    expect(plain.issue(1).body).not.toContain('"fields"');
  });

  it("labels issues made before the rules existed, in one write each", () => {
    const repo = new Repo();
    repo.sync([idea("Easy")]);
    const later = new Repo(configOf(RULES));
    later.store.issues.push(...repo.store.issues);
    later.store.labels.push(...repo.store.labels);
    const { plan, counts } = later.sync([idea("Easy")]);
    expect(plan.actions.map((action) => action.type)).toEqual(["create-label", "update-issue"]);
    expect(update(plan.actions)?.why).toBe('its field labels are now "difficulty: easy"');
    expect(counts.writes).toBe(2);
  });
});
