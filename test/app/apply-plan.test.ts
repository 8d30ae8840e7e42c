/**
 * applyPlan against the emulator: what it does with answers GitHub may give.
 */
import nock from "nock";
import { Probot, ProbotOctokit } from "probot";
import { afterEach, describe, expect, it } from "vitest";
import { applyPlan, type ApplyOptions } from "../../src/github/apply-plan.js";
import type { Octokit } from "../../src/github/octokit.js";
import type { Plan } from "../../src/plan/types.js";
import { FakeGitHub } from "../support/fake-github.js";

function setup() {
  nock.cleanAll();
  nock.disableNetConnect();
  const github = new FakeGitHub();
  github.intercept();
  const probot = new Probot({
    githubToken: "test",
    logLevel: "fatal",
    Octokit: ProbotOctokit.defaults((o: Record<string, unknown>) => ({
      ...o,
      retry: { enabled: false },
      throttle: { enabled: false },
    })),
  });
  return { github, octokit: probot.auth() as Promise<Octokit> };
}

const options: ApplyOptions = {
  maxWrites: 100,
  maxWaitSeconds: 0,
  sleep: async () => {},
  log: () => {},
};

const plan = (label: string): Plan => ({
  path: "doc/ideas.txt",
  sha: "a".repeat(40),
  blocks: [],
  summary: { ideas: 1, managedIssues: 0, openManagedIssues: 0 },
  actions: [
    { type: "create-label", label, color: "0e8a16", description: "Ideas", why: "missing" },
    {
      type: "create-issue",
      key: "k",
      title: "An idea",
      body: "Text.",
      labels: [label],
      why: "new",
    },
  ],
});

afterEach(() => {
  nock.cleanAll();
});

describe("applyPlan", () => {
  it("takes a label someone made meanwhile as made, and goes on", async () => {
    const { github, octokit } = setup();
    github.labels.push({ id: 1, name: "idea", color: "ededed", description: "" });
    const result = await applyPlan(
      await octokit,
      { owner: "genode", repo: "ideas" },
      plan("idea"),
      options,
    );
    expect(result.stop).toBeNull();
    expect(result.applied.map((a) => a.action.type)).toEqual(["create-label", "create-issue"]);
    expect(github.issues.map((i) => i.labels)).toEqual([["idea"]]);
  });

  it("skips a write GitHub refuses for good, names it with the reason, and goes on", async () => {
    const { github, octokit } = setup();
    const refusing = plan("l".repeat(51));
    const create = refusing.actions[1] as Extract<
      Plan["actions"][number],
      { type: "create-issue" }
    >;
    create.labels = [];
    const result = await applyPlan(
      await octokit,
      { owner: "genode", repo: "ideas" },
      refusing,
      options,
    );
    expect(result.stop).toBeNull();
    expect(result.refused.map((r) => r.action.type)).toEqual(["create-label"]);
    expect(result.refused[0]?.reason).toMatch(/^GitHub refused the write \(422\): .*too long/);
    expect(result.applied.map((a) => a.action.type)).toEqual(["create-issue"]);
    expect(github.issues.map((i) => i.title)).toEqual(["An idea"]);
    github.refused.length = 0; // the over-long name is the request this test sends on purpose
  });

  it("still stops at a failure that is not the issue's own, and writes nothing after it", async () => {
    const { github, octokit } = setup();
    github.emulator.inject({ method: "POST", path: /\/labels$/, kind: { status: 502 }, times: 1 });
    const result = await applyPlan(
      await octokit,
      { owner: "genode", repo: "ideas" },
      plan("idea"),
      options,
    );
    expect(result.stop).toMatchObject({ reason: "error" });
    expect(result.stop?.message).toMatch(/^502: /);
    expect(result.refused).toEqual([]);
    expect(result.deferred).toHaveLength(2);
    expect(github.issues).toEqual([]);
  });
});
