/**
 * The reconciler, rule by rule.
 */
import { describe, expect, it } from "vitest";
import { readIssueBody } from "../../src/plan/issue-body.js";
import { configOf, goshOf, Repo, type TestIdea } from "./harness.js";

const A: TestIdea = {
  title: "Wind gauge",
  body: "Measure the wind with a cup anemometer.",
  section: "Sensors",
};
const B: TestIdea = {
  title: "Rain gauge",
  body: "Measure rain with a tipping bucket.",
  section: "Sensors",
};
const C: TestIdea = {
  title: "Web dashboard",
  body: "Show the readings on a web page.",
  section: "Software",
};
const D: TestIdea = {
  title: "Data export",
  body: "Export readings as CSV for spreadsheets.",
  section: "Software",
};
const BASE = [A, B, C, D];

const types = (plan: { actions: Array<{ type: string }> }) =>
  plan.actions.map((action) => action.type);

describe("planSync", () => {
  it("creates one issue per idea, labels first and inside the create call", () => {
    const repo = new Repo();
    const { plan, counts } = repo.sync(BASE);
    expect(types(plan)).toEqual([
      "create-label",
      "create-label",
      "create-label",
      "create-issue",
      "create-issue",
      "create-issue",
      "create-issue",
    ]);
    expect(plan.actions.slice(0, 3).map((a) => (a.type === "create-label" ? a.label : ""))).toEqual(
      ["Sensors", "Software", "idea"],
    );
    expect(counts).toMatchObject({ created: 4, labels: 3, writes: 7 });
    expect(repo.issue(1)).toMatchObject({
      title: "Wind gauge",
      state: "open",
      labels: ["idea", "Sensors"],
    });
    const body = repo.issue(1).body;
    expect(body).toContain("Measure the wind with a cup anemometer.");
    expect(body).toContain("https://github.com/o/r/blob/c");
    expect(body).toMatch(/\/doc\/ideas\.txt#L\d+-L\d+\)/);
    expect(readIssueBody(body)).toMatchObject({
      damaged: false,
      marker: { path: "doc/ideas.txt", key: "wind-gauge" },
    });
  });

  it("plans nothing on a second sync of the same document", () => {
    const repo = new Repo();
    repo.sync(BASE);
    expect(repo.plan(BASE).actions).toEqual([]);
  });

  it("updates only the idea whose text changed, and only its body", () => {
    const repo = new Repo();
    repo.sync(BASE);
    const { plan, counts } = repo.sync([
      A,
      { ...B, body: "Measure rain with a weighing gauge." },
      C,
      D,
    ]);
    expect(counts.writes).toBe(1);
    expect(plan.actions).toMatchObject([
      { type: "update-issue", number: 2, why: "its text changed in the document" },
    ]);
    const action = plan.actions[0];
    expect(action?.type === "update-issue" && Object.keys(action.changes)).toEqual(["body"]);
    expect(repo.issue(2).body).toContain("weighing gauge");
  });

  it("writes nothing when only line wrapping or neighbours change", () => {
    const repo = new Repo();
    repo.sync(BASE);
    const rewrapped = [
      { ...A, body: "Measure the wind\nwith a cup\nanemometer." },
      B,
      C,
      { ...D, section: "Software" },
    ];
    expect(repo.plan(rewrapped).actions).toEqual([]);
    expect(repo.plan([B, A, C, D]).actions).toEqual([]);
  });

  it("keeps a retitled idea's issue, retitles it and notes the rename", () => {
    const repo = new Repo();
    repo.sync(BASE);
    const { plan } = repo.sync([{ ...A, title: "Wind speed gauge" }, B, C, D]);
    expect(types(plan)).toEqual(["comment", "update-issue"]);
    expect(repo.issue(1)).toMatchObject({ title: "Wind speed gauge", state: "open" });
    expect(readIssueBody(repo.issue(1).body).marker?.key).toBe("wind-speed-gauge");
    expect(repo.store.comments.at(-1)?.body).toContain('from "Wind gauge" to "Wind speed gauge"');
    expect(repo.store.issues).toHaveLength(4);
    expect(repo.plan([{ ...A, title: "Wind speed gauge" }, B, C, D]).actions).toEqual([]);
  });

  it("writes titles, text and comments that notify no one an idea names", () => {
    const repo = new Repo();
    const named = { ...A, title: "Ask @octocat about gauges", body: "cc @github/hardware." };
    repo.sync([named, B, C, D]);
    const raw = /(^|[^\p{L}\p{N}_.+-])@[A-Za-z0-9]/u;
    expect(repo.issue(1).title).toBe("Ask @\u200Boctocat about gauges");
    expect(repo.issue(1).body).toContain("cc @\u200Bgithub/hardware.");
    expect(repo.plan([named, B, C, D]).actions).toEqual([]);
    const { plan } = repo.sync([{ ...named, title: "Ask @octocat about wind gauges" }, B, C, D]);
    expect(types(plan)).toEqual(["comment", "update-issue"]);
    expect(repo.issue(1).title).toBe("Ask @\u200Boctocat about wind gauges");
    const comment = repo.store.comments.at(-1)?.body ?? "";
    expect(comment).toContain('to "Ask @\u200Boctocat about wind gauges"');
    for (const text of [repo.issue(1).title, repo.issue(1).body, comment])
      expect(text).not.toMatch(raw);
  });

  it("keeps the issue of an idea retitled and rewritten when its key is pinned", () => {
    const repo = new Repo();
    repo.sync(BASE);
    const rewritten = {
      title: "Anemometer",
      body: "A completely different description.",
      section: "Sensors",
      pin: "wind-gauge",
    };
    const { plan } = repo.sync([rewritten, B, C, D]);
    expect(types(plan)).toEqual(["update-issue"]);
    expect(repo.issue(1).title).toBe("Anemometer");
    expect(repo.store.issues).toHaveLength(4);
  });

  it("keeps the issue of the second of two like-named ideas when the first goes and its key shifts", () => {
    const repo = new Repo();
    const common =
      "Measure the wind speed and direction with a cup anemometer and a vane, logging every minute to the station's memory card";
    const roof = { title: "Wind gauge", body: `${common} on the roof.`, section: "Sensors" };
    const mast = { title: "Wind gauge", body: `${common} on the mast.`, section: "Sensors" };
    repo.sync([roof, mast, C]);
    expect(readIssueBody(repo.issue(2).body).marker?.key).toBe("wind-gauge-1");
    // The first goes; the second, edited, now has the key "wind-gauge" of
    // issue 1, whose text is alike too: the key says little, the text decides.
    const { plan } = repo.sync([{ ...mast, body: `${mast.body} Daily.` }, C]);
    expect(types(plan).sort()).toEqual(["close-issue", "update-issue"]);
    expect(repo.issue(2)).toMatchObject({ state: "open" });
    expect(repo.issue(2).body).toContain("on the mast. Daily.");
    expect(repo.issue(1)).toMatchObject({ state: "closed" });
  });

  it("treats an unrelated new title as a new idea and closes the old one", () => {
    const repo = new Repo();
    repo.sync(BASE);
    const { plan } = repo.sync([
      { title: "Solar panel", body: "Power the station from the sun.", section: "Sensors" },
      B,
      C,
      D,
    ]);
    expect(types(plan)).toEqual(["create-issue", "close-issue"]);
  });

  it("moves an idea's section label, keeping labels people added", () => {
    const repo = new Repo();
    repo.sync(BASE);
    repo.store.labels.push("good first issue");
    repo.issue(3).labels.push("good first issue");
    const { plan } = repo.sync([A, B, D, { ...C, section: "Sensors" }]);
    expect(types(plan)).toEqual(["update-issue"]);
    expect(repo.issue(3).labels).toEqual(["idea", "good first issue", "Sensors"]);
    expect(repo.plan([A, B, D, { ...C, section: "Sensors" }]).actions).toEqual([]);
  });

  it("closes a removed idea's issue as not planned, with a comment linking the commit", () => {
    const repo = new Repo();
    repo.sync(BASE);
    const { plan, counts } = repo.sync([A, B, C]);
    expect(types(plan)).toEqual(["close-issue"]);
    expect(counts).toMatchObject({ closed: 1, comments: 1, writes: 2 });
    expect(repo.issue(4)).toMatchObject({ state: "closed", stateReason: "not_planned" });
    expect(repo.store.comments.at(-1)?.body).toMatch(
      /removed from `doc\/ideas\.txt` in https:\/\/github\.com\/o\/r\/commit\/c0+\d+/,
    );
    expect(readIssueBody(repo.issue(4).body).marker?.removed).toBe(true);
    expect(repo.plan([A, B, C]).actions).toEqual([]);
  });

  it("reopens the issue ideas-sync closed when its idea comes back", () => {
    const repo = new Repo();
    repo.sync(BASE);
    repo.sync([A, B, C]);
    const { plan, counts } = repo.sync(BASE);
    expect(types(plan)).toEqual(["reopen-issue"]);
    expect(counts).toMatchObject({ reopened: 1, writes: 2 });
    expect(repo.issue(4)).toMatchObject({ state: "open", stateReason: "reopened" });
    expect(readIssueBody(repo.issue(4).body).marker?.removed).toBeUndefined();
    expect(repo.plan(BASE).actions).toEqual([]);
  });

  it("leaves closed an issue a person closed, whatever the document says", () => {
    const repo = new Repo();
    repo.sync(BASE);
    Object.assign(repo.issue(2), { state: "closed", stateReason: "completed" });
    expect(repo.plan([A, { ...B, body: "Rewritten text." }, C, D]).actions).toEqual([]);
    expect(repo.plan([A, C, D]).actions).toEqual([]);
  });

  it("does not close again an issue a person reopened after ideas-sync closed it", () => {
    const repo = new Repo();
    repo.sync(BASE);
    repo.sync([A, B, C]);
    Object.assign(repo.issue(4), { state: "open", stateReason: "reopened" });
    expect(repo.plan([A, B, C]).actions).toEqual([]);
  });

  it("keeps a title a person edited until the idea's text changes", () => {
    const repo = new Repo();
    repo.sync(BASE);
    repo.issue(1).title = "Wind gauge (needs a mentor)";
    expect(repo.plan(BASE).actions).toEqual([]);
    const { plan } = repo.sync([{ ...A, body: "New text." }, B, C, D]);
    expect(plan.actions).toMatchObject([
      { type: "update-issue", changes: { title: "Wind gauge" } },
    ]);
  });

  it("keeps text people wrote outside the region, and restores the region when it was edited", () => {
    const repo = new Repo();
    repo.sync(BASE);
    const issue = repo.issue(1);
    issue.body = `Mentor: Ada\n\n${issue.body}\n\nSee also #7.`;
    expect(repo.plan(BASE).actions).toEqual([]);
    issue.body = issue.body.replace("cup anemometer", "hot-wire anemometer");
    const { plan } = repo.sync(BASE);
    expect(plan.actions).toMatchObject([
      { type: "update-issue", why: "its maintained text was edited or damaged in the issue" },
    ]);
    expect(repo.issue(1).body).toMatch(/^Mentor: Ada\n\n<!-- ideas-sync:begin -->/);
    expect(repo.issue(1).body).toContain("cup anemometer");
    expect(repo.issue(1).body).toMatch(/-->\n\nSee also #7\.$/);
  });

  it("repairs a region whose begin line a person deleted, losing nothing they wrote", () => {
    const repo = new Repo();
    repo.sync(BASE);
    repo.issue(1).body =
      "Mentor: Ada\n" + repo.issue(1).body.replace("<!-- ideas-sync:begin -->", "");
    repo.sync(BASE);
    expect(repo.issue(1).body).toMatch(/^Mentor: Ada\n/);
    expect(readIssueBody(repo.issue(1).body).damaged).toBe(false);
    expect(repo.issue(1).body.match(/ideas-sync:end/g)).toHaveLength(1);
    expect(repo.plan(BASE).actions).toEqual([]);
  });

  it("does not add back a tracking label a person removed unless it writes the issue anyway", () => {
    const repo = new Repo();
    repo.sync(BASE);
    repo.issue(1).labels = ["Sensors"];
    expect(repo.plan(BASE).actions).toEqual([]);
    repo.sync([{ ...A, body: "Changed." }, B, C, D]);
    expect(repo.issue(1).labels).toEqual(["Sensors", "idea"]);
  });

  it("never touches issues without a marker or of another document", () => {
    const repo = new Repo();
    repo.store.add({
      title: "Wind gauge",
      body: "A person's issue.",
      state: "open",
      stateReason: null,
      labels: ["idea"],
    });
    const other = new Repo();
    other.sync([A]);
    const foreign = {
      ...other.issue(1),
      body: other.issue(1).body.replace('"path":"doc/ideas.txt"', '"path":"doc/other.txt"'),
    };
    repo.store.add({ ...foreign });
    const { plan } = repo.sync(BASE);
    expect(plan.actions.filter((a) => "number" in a)).toEqual([]);
    expect(repo.issue(1)).toMatchObject({
      title: "Wind gauge",
      body: "A person's issue.",
      state: "open",
    });
    expect(repo.store.issues).toHaveLength(6);
  });

  it("does not ping people named in an idea", () => {
    const repo = new Repo();
    repo.sync([{ ...A, body: "Ask @ada or @team/sensors; mail ada@example.org." }]);
    expect(repo.issue(1).body).toContain(
      "Ask @\u200Bada or @\u200Bteam/sensors; mail <ada@example.org>.",
    );
  });

  it("cuts titles to 256 characters and bodies to fit GitHub's 65,536", () => {
    const repo = new Repo();
    const long = Array.from(
      { length: 1200 },
      (_, i) => `Paragraph ${i} ${"with many words ".repeat(6)}`,
    ).join("\n\n");
    repo.sync([{ title: "T".repeat(300), body: long, section: "Sensors" }]);
    expect(repo.issue(1).title).toHaveLength(256);
    expect(repo.issue(1).body.length).toBeLessThanOrEqual(65_536);
    expect(repo.issue(1).body).toMatch(
      /The rest of this idea is too long for an issue: read it in \[the document\]\(https:\/\/github\.com\/o\/r\/blob\//,
    );
  });

  it("leaves room for what people wrote around the region when cutting", () => {
    const repo = new Repo();
    repo.sync([A]);
    repo.issue(1).body = "N".repeat(40_000) + "\n\n" + repo.issue(1).body;
    const long = Array.from(
      { length: 800 },
      (_, i) => `Paragraph ${i} ${"with many words ".repeat(6)}`,
    ).join("\n\n");
    repo.sync([{ ...A, body: long }]);
    expect(repo.issue(1).body.length).toBeLessThanOrEqual(65_536);
    expect(repo.issue(1).body.startsWith("N".repeat(40_000))).toBe(true);
    expect(repo.issue(1).body).toContain("The rest of this idea is too long for an issue");
  });

  it("names section labels by prefix or map, within 50 characters", () => {
    const long = "Application frameworks and runtime environments, and more";
    const repo = new Repo(
      configOf(
        `section-labels:\n  prefix: "area: "\n  names:\n    Software: sw\n    Sensors: false`,
      ),
    );
    repo.sync([A, C, { ...D, section: long }]);
    expect(repo.issue(1).labels).toEqual(["idea"]);
    expect(repo.issue(2).labels).toEqual(["idea", "sw"]);
    expect(repo.issue(3).labels).toEqual([
      "idea",
      "area: Application frameworks and runtime environm\u2026",
    ]);
    expect(repo.issue(3).labels[1]).toHaveLength(50);
  });

  it("finds existing labels regardless of case", () => {
    const repo = new Repo();
    repo.store.labels.push("Idea", "SENSORS");
    expect(types(repo.plan([A]))).toEqual(["create-issue"]);
  });

  it("posts no comments when comments are turned off", () => {
    const repo = new Repo(configOf("comments:\n  close: false\n  rename: false\n  reopen: false"));
    repo.sync(BASE);
    expect(repo.sync([{ ...A, title: "Wind speed gauge" }, B, C]).counts).toMatchObject({
      comments: 0,
      closed: 1,
      writes: 2,
    });
    expect(repo.sync([{ ...A, title: "Wind speed gauge" }, B, C, D]).counts).toMatchObject({
      comments: 0,
      reopened: 1,
      writes: 1,
    });
  });

  describe("guards", () => {
    const many = Array.from({ length: 12 }, (_, i) => ({
      title: `Idea ${i}`,
      body: `Text of idea number ${i}, quite unlike the others ${"x".repeat(i)}.`,
    }));

    it("blocks a plan for a document with errors, still computing it", () => {
      const repo = new Repo();
      const plan = repo.plan(`${goshOf(BASE)}\n:Broken:\n\n  ; indented comment\n`);
      expect(plan.blocks).toMatchObject([{ rule: "document-errors", confirm: null }]);
      expect(plan.actions.length).toBeGreaterThan(0);
    });

    it("blocks a plan for a document without ideas", () => {
      const repo = new Repo();
      repo.sync(BASE);
      const plan = repo.plan("Just text, no ideas.\n");
      expect(plan.blocks.map((block) => block.rule)).toEqual(["no-ideas", "too-many-closes"]);
      expect(types(plan)).toEqual(["close-issue", "close-issue", "close-issue", "close-issue"]);
    });

    it.each([
      [12, 3, "3 of 12 is exactly 25%, which is allowed", false],
      [12, 4, "4 of 12 is more than 25%", true],
      [4, 2, "2 closes are below the minimum of 3", false],
      [4, 3, "3 of 4", true],
    ])("with %i open issues and %i closes: %s", (open, closes, _why, blocked) => {
      const repo = new Repo();
      repo.sync(many.slice(0, open));
      const plan = repo.plan(many.slice(closes, open));
      expect(plan.actions.filter((a) => a.type === "close-issue")).toHaveLength(closes);
      expect(plan.blocks.some((b) => b.rule === "too-many-closes")).toBe(blocked);
      if (blocked) expect(plan.blocks[0]?.confirm).toMatch(/Confirm|--force/);
    });

    it("uses the configured share and minimum", () => {
      const repo = new Repo(configOf("guards:\n  max-close-share: 0.5\n  min-closes: 1"));
      repo.sync(many.slice(0, 4));
      expect(repo.plan(many.slice(0, 2)).blocks).toEqual([]);
      expect(repo.plan(many.slice(0, 1)).blocks).toMatchObject([{ rule: "too-many-closes" }]);
    });
  });
});
