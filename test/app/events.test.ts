/**
 * Pull-request previews, the comment command, installation, and buttons.
 */
import nock from "nock";
import { afterEach, describe, expect, it } from "vitest";
import { expectCleanRun, HISTORY, push, startApp, synced } from "../support/app-harness.js";
import { commentPayload, installationPayload, pullRequestPayload } from "../support/webhooks.js";

const { DOC, CONFIG, R1, R2 } = HISTORY;

afterEach(() => {
  expectCleanRun();
  nock.cleanAll();
});

describe("pull request", () => {
  it("previews the plan on the head commit and writes nothing to issues", async () => {
    const h = await synced();
    const head = h.github.commit({ [DOC]: R2 }, "feature");
    h.github.pullFiles.set(7, [DOC]);
    await h.receive(pullRequestPayload(h.github, { number: 7, head }));
    expect(h.github.refused).toEqual([]);
    expect(h.github.calls()).toEqual([
      `GET ${h.github.base}/contents/${CONFIG}`,
      `GET ${h.github.base}/pulls/7/files`,
      `GET ${h.github.base}/contents/${DOC}`,
      `GET ${h.github.base}/issues`,
      `POST ${h.github.base}/check-runs`,
    ]);
    const run = h.github.checkRuns.at(-1);
    expect(run).toMatchObject({ head_sha: head, conclusion: "neutral" });
    expect(run?.output.title).toBe("Preview: 2 to create");
    expect(run?.output.summary).toMatch(/Nothing is written from a pull request/);
    expect(run?.output.summary).toMatch(/Settings in front matter/);
    expect(h.github.issues).toHaveLength(4);
  });

  it("annotates the document's problems on their lines", async () => {
    const h = await synced();
    const lines = R2.split("\n");
    const at = lines.indexOf(":Weekly digest:") + 2;
    lines.splice(at, 0, "  ; an indented comment");
    const head = h.github.commit({ [DOC]: lines.join("\n") }, "feature");
    h.github.pullFiles.set(8, [DOC]);
    await h.receive(pullRequestPayload(h.github, { number: 8, head, action: "synchronize" }));
    const run = h.github.checkRuns.at(-1);
    expect(run?.conclusion).toBe("failure");
    expect(run?.output.annotations).toContainEqual(
      expect.objectContaining({ path: DOC, start_line: at + 1, annotation_level: "failure" }),
    );
  });

  it("stays silent for a pull request that touches no document", async () => {
    const h = await synced();
    const head = h.github.commit({ "README.md": "x" }, "feature");
    h.github.pullFiles.set(9, ["README.md"]);
    await h.receive(pullRequestPayload(h.github, { number: 9, head }));
    expect(h.github.calls()).toEqual([
      `GET ${h.github.base}/contents/${CONFIG}`,
      `GET ${h.github.base}/pulls/9/files`,
    ]);
  });
});

describe("comment command", () => {
  it("refuses a user without write access with a reaction and a reply, and syncs nothing", async () => {
    const h = await synced();
    h.github.commit({ [DOC]: R2 });
    h.github.permissions.set("visitor", "read");
    await h.receive(
      commentPayload(h.github, { issue: 1, body: "/ideas-sync sync", user: "visitor" }),
    );
    expect(h.github.calls()).toEqual([
      `GET ${h.github.base}/collaborators/visitor/permission`,
      `POST ${h.github.base}/issues/comments/555/reactions`,
      `POST ${h.github.base}/issues/N/comments`,
    ]);
    expect(h.github.reactions).toEqual([{ comment: 555, content: "-1" }]);
    expect(h.github.comments.at(-1)?.body).toMatch(/only people with write access/);
    expect(h.github.issues).toHaveLength(4);
  });

  it("syncs the branch's newest commit for a maintainer, and answers with the outcome", async () => {
    const h = await synced();
    const sha = h.github.commit({ [DOC]: R2 });
    h.github.permissions.set("maintainer", "write");
    await h.receive(
      commentPayload(h.github, { issue: 1, body: "Please:\n/ideas-sync sync", user: "maintainer" }),
    );
    expect(h.github.reactions).toEqual([{ comment: 555, content: "eyes" }]);
    expect(h.github.calls()).toEqual([
      `GET ${h.github.base}/collaborators/maintainer/permission`,
      `POST ${h.github.base}/issues/comments/555/reactions`,
      `GET ${h.github.base}`,
      `GET ${h.github.base}/contents/${CONFIG}`,
      `GET ${h.github.base}/branches/main`,
      `GET ${h.github.base}/contents/${DOC}`,
      `GET ${h.github.base}/issues`,
      `POST ${h.github.base}/issues`,
      `POST ${h.github.base}/issues`,
      `POST ${h.github.base}/check-runs`,
      `POST ${h.github.base}/issues/N/comments`,
    ]);
    expect(h.github.issues).toHaveLength(6);
    expect(h.github.checkRuns.at(-1)?.head_sha).toBe(sha);
    expect(h.github.comments.at(-1)?.body).toMatch(
      new RegExp(`^\`/ideas-sync sync\` at ${sha.slice(0, 7)}:\\n\\n- \`${DOC}\`: 2 created`),
    );
  });

  it("previews without writing issues", async () => {
    const h = await synced();
    h.github.commit({ [DOC]: R2 });
    h.github.permissions.set("maintainer", "admin");
    await h.receive(
      commentPayload(h.github, { issue: 2, body: "/ideas-sync preview", user: "maintainer" }),
    );
    expect(h.github.issues).toHaveLength(4);
    expect(h.github.comments.at(-1)?.body).toMatch(/Preview: 2 to create/);
  });

  it("costs nothing for an ordinary comment", async () => {
    const h = await synced();
    await h.receive(
      commentPayload(h.github, { issue: 1, body: "I like /ideas-sync sync a lot", user: "x" }),
    );
    expect(h.github.requests).toEqual([]);
  });
});

describe("installation", () => {
  it("syncs the existing document when the app is installed", async () => {
    const h = await startApp();
    h.github.commit({ [CONFIG]: HISTORY.config, [DOC]: R1 });
    await h.receive(installationPayload(h.github));
    expect(h.github.refused).toEqual([]);
    expect(h.github.issues.map((i) => i.title)).toEqual([
      "reStructuredText input",
      "Ideas in tables",
      "Assignees from the document",
      "Weekly digest",
    ]);
    expect(h.github.checkRuns).toHaveLength(1);
    expect(h.github.calls().slice(0, 7)).toEqual([
      `GET ${h.github.base}`,
      `GET ${h.github.base}/contents/${CONFIG}`,
      `GET ${h.github.base}/branches/main`,
      "GET /app",
      `GET ${h.github.base}/contents/${DOC}`,
      `GET ${h.github.base}/issues`,
      `GET ${h.github.base}/labels`,
    ]);
  });

  it("leaves a repository without a configuration alone after two reads", async () => {
    const h = await startApp();
    h.github.commit({ [DOC]: R1 });
    await h.receive(installationPayload(h.github));
    expect(h.github.calls()).toEqual([
      `GET ${h.github.base}`,
      `GET ${h.github.base}/contents/${CONFIG}`,
    ]);
  });
});

describe("write cap", () => {
  it("defers what is over the cap, says so, and continues by itself", async () => {
    const h = await startApp();
    const config = `${HISTORY.config}max-writes: 5\n`;
    await push(h, { [CONFIG]: config, [DOC]: R2 });
    // Three labels, then two of six issues; the continuation the other four.
    const [run, next] = h.github.checkRuns;
    expect(h.github.checkRuns).toHaveLength(2);
    expect(run?.conclusion).toBe("neutral");
    expect(run?.output.title).toBe("2 created, 3 labels created; 4 left for later");
    expect(run?.output.summary).toMatch(
      /the cap of 5 writes per run was reached\. 4 actions were left/,
    );
    expect(run?.output.summary).toMatch(/starts right after this one/);
    expect(run?.actions).toEqual([expect.objectContaining({ identifier: "continue" })]);
    expect(next?.conclusion).toBe("success");
    expect(h.sleeps).toEqual([0]);
    expect(h.github.issues).toHaveLength(6);
    expect(new Set(h.github.issues.map((i) => i.title)).size).toBe(6);
  });
});

describe("two documents", () => {
  it("syncs both in one run, listing the issues once, with a check run each", async () => {
    const h = await startApp();
    const more = "## Tools\n\n### A linter for ideas\n\nChecks documents.\n";
    await push(h, {
      [CONFIG]: `documents:\n  - path: ${DOC}\n    dashboard: false\n  - path: doc/more.md\n    tracking-label: idea\n    dashboard: false\n`,
      [DOC]: R1,
      "doc/more.md": more,
    });
    expect(h.github.calls().filter((c) => c === `GET ${h.github.base}/issues`)).toHaveLength(1);
    expect(h.github.calls().filter((c) => c === `GET ${h.github.base}/labels`)).toHaveLength(1);
    // The second document's label, "Tools", is new; "idea" the first one made.
    expect(h.github.labels.map((l) => l.name).sort()).toEqual(
      ["Reading documents", "Tools", "Working with issues", "idea"].sort(),
    );
    expect(h.github.issues).toHaveLength(5);
    expect(h.github.checkRuns.map((r) => [r.name, r.conclusion])).toEqual([
      [`ideas-sync: ${DOC}`, "success"],
      ["ideas-sync: doc/more.md", "success"],
    ]);
  });
});
