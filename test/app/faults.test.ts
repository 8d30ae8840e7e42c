/**
 * Concurrency and failures: overlapping deliveries, rate limits, errors.
 */
import nock from "nock";
import { afterEach, describe, expect, it } from "vitest";
import {
  expectCleanRun,
  HISTORY,
  press,
  startApp,
  synced,
  type Harness,
} from "../support/app-harness.js";
import { pushPayload } from "../support/webhooks.js";

const { DOC, CONFIG, R1, R2, R3 } = HISTORY;

/** Presses Continue on the last check run, which must offer it. */
async function pressContinue(h: Harness): Promise<void> {
  const run = h.github.checkRuns.at(-1);
  expect(run?.actions?.[0]?.identifier).toBe("continue");
  await press(h, run, "continue");
}

afterEach(() => {
  expectCleanRun();
  nock.cleanAll();
});

describe("faults", () => {
  it("opens no duplicate when two pushes are delivered at once", async () => {
    const h = await startApp();
    const first = h.github.commit({ [CONFIG]: HISTORY.config, [DOC]: R1 });
    const second = h.github.commit({ [DOC]: R2 });
    await Promise.all([
      h.receive(
        pushPayload(h.github, {
          before: null,
          after: first,
          commits: [{ sha: first, parent: null }],
        }),
      ),
      h.receive(
        pushPayload(h.github, {
          before: first,
          after: second,
          commits: [{ sha: second, parent: first }],
        }),
      ),
    ]);
    expect(h.github.refused).toEqual([]);
    const titles = h.github.issues.map((i) => i.title);
    expect(titles).toHaveLength(6);
    expect(new Set(titles).size).toBe(6);
    // The older push's run saw the newer one queued and let it win.
    expect(h.github.checkRuns.map((r) => r.head_sha)).toEqual([second]);
  });

  it("waits out a secondary rate limit per retry-after, then completes", async () => {
    const h = await synced();
    h.github.fail("POST", /\/issues$/, 403, {
      headers: { "retry-after": "30" },
      message: "You have exceeded a secondary rate limit",
    });
    await h.receive(
      pushPayload(h.github, {
        before: h.github.branches.get("main") as string,
        after: h.github.commit({ [DOC]: R2 }),
        commits: [],
        forced: true,
      }),
    );
    expect(h.sleeps).toEqual([30_000]);
    expect(h.github.issues).toHaveLength(6);
    const run = h.github.checkRuns.at(-1);
    expect(run?.conclusion).toBe("success");
    expect(run?.output.summary).toMatch(/Waited 30 s for GitHub's secondary rate limit/);
  });

  it("defers the rest when the limit asks for longer than a run may wait, and continues by itself when it lifts", async () => {
    const h = await synced();
    h.github.fail("POST", /\/issues$/, 403, { headers: { "retry-after": "3600" } });
    const before = h.github.branches.get("main") as string;
    const after = h.github.commit({ [DOC]: R2 });
    await h.receive(
      pushPayload(h.github, { before, after, commits: [{ sha: after, parent: before }] }),
    );
    // No waiting within the run; the continuation waits for the limit, a second past it.
    expect(h.sleeps).toEqual([3_601_000]);
    const [run, next] = h.github.checkRuns.slice(-2);
    expect(run?.conclusion).toBe("neutral");
    expect(run?.output.summary).toMatch(/retry after 3600 s/);
    expect(run?.output.summary).toMatch(/starts by itself in about 61 min/);
    expect(run?.actions?.[0]?.identifier).toBe("continue");
    expect(next?.conclusion).toBe("success");
    expect(h.github.issues).toHaveLength(6);
  });

  it("stops at a 500, reports it, and the next run finishes the job with no duplicate", async () => {
    const h = await synced();
    h.github.fail("PATCH", /\/issues\/\d+$/, 500);
    const before = h.github.branches.get("main") as string;
    const after = h.github.commit({ [DOC]: R3 });
    await h.receive(
      pushPayload(h.github, { before, after, commits: [{ sha: after, parent: before }] }),
    );
    const failed = h.github.checkRuns.at(-1);
    expect(failed?.conclusion).toBe("failure");
    expect(failed?.output.summary).toMatch(/\*\*Stopped:\*\* 500: Server Error/);
    await pressContinue(h);
    const titles = h.github.issues.map((i) => i.title);
    expect(new Set(titles).size).toBe(titles.length);
    expect(
      h.github.issues
        .filter((i) => i.state === "open")
        .map((i) => i.title)
        .sort(),
    ).toEqual(
      [
        "Assignees named in the document",
        "Ideas in tables",
        "Milestones per section",
        "Settings in front matter",
        "Weekly digest",
        "reStructuredText input",
      ].sort(),
    );
    expect(h.github.checkRuns.at(-1)?.conclusion).toBe("success");
  });

  it("reports a failing read on the check run and writes nothing", async () => {
    const h = await synced();
    h.github.fail("GET", /\/issues$/, 502, { message: "Bad Gateway" });
    const before = h.github.branches.get("main") as string;
    const after = h.github.commit({ [DOC]: R2 });
    await h.receive(
      pushPayload(h.github, { before, after, commits: [{ sha: after, parent: before }] }),
    );
    expect(h.github.writes().map((w) => w.path)).toEqual([`${h.github.base}/check-runs`]);
    expect(h.github.checkRuns.at(-1)?.output.summary).toMatch(/GitHub answered 502: Bad Gateway/);
  });
});
