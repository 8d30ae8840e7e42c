/**
 * A run's content creation is counted in its installation's budget, shared
 * with the installation's other runs and repositories.
 */
import { Octokit as Core } from "@octokit/core";
import { describe, expect, it } from "vitest";
import type { AppState } from "../../src/app/app-state.js";
import { paceRun } from "../../src/app/pace-run.js";
import type { Octokit } from "../../src/github/octokit.js";
import type { CreationBudget } from "../../src/github/pace-creations.js";

const client = () =>
  new Core({
    request: {
      fetch: async () =>
        new Response("{}", {
          status: 201,
          headers: { "content-type": "application/json", date: new Date(0).toUTCString() },
        }),
    },
  }) as unknown as Octokit;

describe("paceRun", () => {
  it("counts a reaction and a reply in the installation's budget, once per client", async () => {
    const state = {
      sleep: async () => {},
      maxWaitSeconds: 120,
      installations: new Map([
        ["o/a", 7],
        ["o/b", 7],
      ]),
      creations: new Map<string, CreationBudget>(),
    } as unknown as AppState;
    const first = client();
    paceRun(state, first, { owner: "o", repo: "a" });
    paceRun(state, first, { owner: "o", repo: "a" });
    await first.request("POST /repos/{owner}/{repo}/issues/comments/{comment_id}/reactions", {
      owner: "o",
      repo: "a",
      comment_id: 1,
      content: "eyes",
    });
    const second = client();
    paceRun(state, second, { owner: "o", repo: "b" });
    await second.request("POST /repos/{owner}/{repo}/issues/{issue_number}/comments", {
      owner: "o",
      repo: "b",
      issue_number: 1,
      body: "done",
    });
    expect([...state.creations.keys()]).toEqual(["installation 7"]);
    expect(state.creations.get("installation 7")?.times).toHaveLength(2);
  });
});
