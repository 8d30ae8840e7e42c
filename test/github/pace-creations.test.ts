/**
 * Two runs of one installation share its count of content creation: their
 * waits pass at the same time, and must not move the count's clock twice.
 */
import { Octokit as Core } from "@octokit/core";
import { describe, expect, it } from "vitest";
import type { Octokit } from "../../src/github/octokit.js";
import { paceCreations, type CreationBudget } from "../../src/github/pace-creations.js";

// GitHub's clock runs 100 times faster than the test's.
const SCALE = 100;

describe("pacing content creation", () => {
  it("keeps two concurrent runs of one installation within 80 creations a minute", async () => {
    const start = Date.now();
    const T0 = Date.parse("2025-01-01T00:00:00Z");
    const github = () => T0 + 30_000 + (Date.now() - start) * SCALE;
    const created: number[] = [];
    const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms / SCALE));
    const make = () =>
      new Core({
        request: {
          fetch: async () => {
            created.push(github());
            return new Response("{}", {
              status: 201,
              headers: {
                "content-type": "application/json",
                date: new Date(github()).toUTCString(),
              },
            });
          },
        },
      }) as unknown as Octokit;
    // 40 creations at T0 and 40 at T0 + 30 s: the minute is full until T0 + 60 s.
    const budget: CreationBudget = {
      times: [...Array(40).fill(T0 + 1000), ...Array(40).fill(T0 + 31_000)],
      clock: { date: T0 + 30_000, slept: 0 },
    };
    created.push(...Array(40).fill(T0), ...Array(40).fill(T0 + 30_000));
    const run = async (count: number) => {
      const octokit = make();
      paceCreations(octokit, budget, { sleep, maxWaitMs: 3_600_000 });
      for (let i = 0; i < count; i += 1)
        await octokit.request("POST /repos/{owner}/{repo}/issues", {
          owner: "o",
          repo: "r",
          title: "t",
        });
    };
    await Promise.all([run(40), run(40)]);
    // GitHub's count: creations in any minute.
    let most = 0;
    for (const at of created)
      most = Math.max(most, created.filter((t) => t > at - 60_000 && t <= at).length);
    expect(most).toBeLessThanOrEqual(80);
  }, 60_000);

  it("counts issues, comments, labels and reactions, and nothing else", async () => {
    const T0 = Date.parse("2025-01-01T00:00:00Z");
    const budget: CreationBudget = { times: [], clock: { date: T0, slept: 0 } };
    const octokit = new Core({
      request: {
        fetch: async () =>
          new Response("{}", {
            status: 201,
            headers: { "content-type": "application/json", date: new Date(T0).toUTCString() },
          }),
      },
    }) as unknown as Octokit;
    paceCreations(octokit, budget, { sleep: async () => {}, maxWaitMs: 3_600_000 });
    const repo = { owner: "o", repo: "r" };
    const counted = async (route: string, parameters: Record<string, unknown>) => {
      const before = budget.times.length;
      await octokit.request(route, { ...repo, ...parameters });
      return budget.times.length - before;
    };
    expect(await counted("POST /repos/{owner}/{repo}/issues", { title: "t" })).toBe(1);
    expect(
      await counted("POST /repos/{owner}/{repo}/issues/{issue_number}/comments", {
        issue_number: 1,
        body: "b",
      }),
    ).toBe(1);
    expect(await counted("POST /repos/{owner}/{repo}/labels", { name: "l" })).toBe(1);
    expect(
      await counted("POST /repos/{owner}/{repo}/issues/comments/{comment_id}/reactions", {
        comment_id: 7,
        content: "+1",
      }),
    ).toBe(1);
    expect(
      await counted("POST /repos/{owner}/{repo}/issues/{issue_number}/reactions", {
        issue_number: 1,
        content: "+1",
      }),
    ).toBe(1);
    expect(
      await counted("PATCH /repos/{owner}/{repo}/issues/{issue_number}", { issue_number: 1 }),
    ).toBe(0);
    expect(
      await counted("POST /repos/{owner}/{repo}/check-runs", { name: "c", head_sha: "s" }),
    ).toBe(0);
    expect(
      await counted("POST /repos/{owner}/{repo}/issues/{issue_number}/labels", {
        issue_number: 1,
        labels: ["l"],
      }),
    ).toBe(0);
  });
});
