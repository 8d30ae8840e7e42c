/**
 * The emulator holds the app to GitHub's rules: its API description, its
 * limits on sizes, its rate limits; and it fails on demand.
 */
import { describe, expect, it } from "vitest";
import { GitHubEmulator, SECONDARY_LIMITS } from "../../emulator/emulator.js";

const auth = { authorization: "token t" };

function setup() {
  const emulator = new GitHubEmulator();
  const repo = emulator.repository("o", "r");
  repo.commit({ "doc/ideas.txt": ":Idea:\n\n  Text.\n" });
  const call = (
    method: string,
    url: string,
    body?: unknown,
    headers: Record<string, string> = auth,
  ) => {
    const answer = emulator.handle({ method, url, headers, body });
    if ("reset" in answer) throw new Error("reset");
    return answer;
  };
  return { emulator, repo, call };
}

describe("the emulator", () => {
  it("answers as GitHub's API description says, and reports requests that are not GitHub's", () => {
    const { emulator, call } = setup();
    expect(
      call("POST", "/repos/o/r/issues", { title: "An idea", body: "x", labels: ["idea"] }).status,
    ).toBe(201);
    expect(call("GET", "/repos/o/r/issues?state=all").body).toHaveLength(1);
    expect(call("GET", "/repos/o/r/contents/doc%2Fideas.txt?ref=main").status).toBe(200);
    expect(emulator.violations).toEqual([]);
    call("POST", "/repos/o/r/issues", { body: "no title" });
    call("GET", "/repos/o/r/no-such-thing");
    call("GET", "/repos/o/r/issues?state=shut&sort_by=title");
    expect(emulator.violations).toEqual([
      "POST /repos/o/r/issues: (body) must have required property 'title'",
      "GET /repos/o/r/no-such-thing: no such operation in GitHub's API description",
      'GET /repos/o/r/issues: query parameter "state" data must be equal to one of the allowed values',
      'GET /repos/o/r/issues: query parameter "sort_by" is not the operation\'s',
    ]);
  });

  it("refuses what GitHub refuses: long titles, bodies and label names, and no authentication", () => {
    const { call } = setup();
    expect(call("POST", "/repos/o/r/issues", { title: "t".repeat(257) }).status).toBe(422);
    expect(call("POST", "/repos/o/r/issues", { title: "t", body: "b".repeat(65_537) }).status).toBe(
      422,
    );
    expect(call("POST", "/repos/o/r/labels", { name: "l".repeat(51) }).status).toBe(422);
    expect(call("POST", "/repos/o/r/labels", { name: "idea" }).status).toBe(201);
    expect(call("POST", "/repos/o/r/labels", { name: "IDEA" }).status).toBe(422);
    expect(call("GET", "/repos/o/r/issues", undefined, {}).status).toBe(401);
  });

  it("counts characters as GitHub does: an emoji is one, however JavaScript counts it", () => {
    const { emulator, call } = setup();
    expect(call("POST", "/repos/o/r/issues", { title: "🐢".repeat(256) }).status).toBe(201);
    expect(call("POST", "/repos/o/r/issues", { title: "🐢".repeat(257) }).status).toBe(422);
    expect(call("PATCH", "/repos/o/r/issues/1", { body: "🐢".repeat(65_536) }).status).toBe(200);
    expect(call("PATCH", "/repos/o/r/issues/1", { body: "🐢".repeat(65_537) }).status).toBe(422);
    const comment = (body: string) => call("POST", "/repos/o/r/issues/1/comments", { body }).status;
    expect(comment("é".repeat(65_536))).toBe(201);
    expect(comment("é".repeat(65_537))).toBe(422);
    expect(call("POST", "/repos/o/r/labels", { name: "🐢".repeat(50) }).status).toBe(201);
    expect(call("POST", "/repos/o/r/labels", { name: "🐢".repeat(51) }).status).toBe(422);
    expect(emulator.violations).toEqual([]);
    // Half an emoji, as cutting "🐢" with String.prototype.slice leaves.
    call("POST", "/repos/o/r/issues", { title: "🐢🐢".slice(0, 3) });
    expect(emulator.violations).toEqual([
      "POST /repos/o/r/issues: a string holds half a character (a lone surrogate)",
    ]);
  });

  it("refuses label descriptions over 100 characters", () => {
    const { repo, call } = setup();
    const refused = call("POST", "/repos/o/r/labels", {
      name: "idea",
      description: "d".repeat(101),
    });
    expect(refused.status).toBe(422);
    expect(JSON.stringify(refused.body)).toMatch(/description is too long/);
    expect(repo.labels).toEqual([]);
    expect(
      call("POST", "/repos/o/r/labels", { name: "idea", description: "é".repeat(100) }).status,
    ).toBe(201);
  });

  it("holds check runs to 65,535 bytes of summary and text and 50 annotations a request, appending further ones on update", () => {
    const { emulator, repo, call } = setup();
    const annotation = (line: number) => ({
      path: "doc/ideas.txt",
      start_line: line,
      end_line: line,
      annotation_level: "warning",
      message: `problem ${line}`,
    });
    const run = (summary: string, extra: Record<string, unknown> = {}) =>
      call("POST", "/repos/o/r/check-runs", {
        name: "ideas-sync",
        head_sha: "a".repeat(40),
        status: "completed",
        conclusion: "success",
        output: { title: "t", summary, ...extra },
      });
    // 32,768 "é" are 32,768 characters but 65,536 bytes.
    expect(run("é".repeat(32_768)).status).toBe(422);
    expect(run("ok", { text: "é".repeat(32_768) }).status).toBe(422);
    expect(repo.checkRuns).toEqual([]);
    const created = run("é".repeat(32_767), {
      annotations: Array.from({ length: 50 }, (_, i) => annotation(i + 1)),
    });
    expect(created.status).toBe(201);
    const id = (created.body as { id: number }).id;
    const update = (count: number, from: number) =>
      call("PATCH", `/repos/o/r/check-runs/${id}`, {
        output: {
          title: "t",
          summary: "s",
          annotations: Array.from({ length: count }, (_, i) => annotation(from + i)),
        },
      });
    expect(update(20, 51).status).toBe(200);
    expect(repo.checkRuns[0]?.output.annotations).toHaveLength(70);
    expect(repo.checkRuns[0]?.output.summary).toBe("s");
    expect(update(51, 71).status).toBe(422);
    expect(repo.checkRuns[0]?.output.annotations).toHaveLength(70);
    expect(call("PATCH", "/repos/o/r/check-runs/1", { output: { summary: "s" } }).status).toBe(404);
    // Only the over-long requests break GitHub's API description.
    expect(emulator.violations).toHaveLength(1);
    expect(emulator.violations[0]).toMatch(
      /PATCH .*annotations.* must NOT have more than 50 items/,
    );
  });

  it("pages lists as GitHub does, with Link headers naming the address the request came to", () => {
    const { emulator, repo, call } = setup();
    for (let i = 0; i < 5; i += 1) call("POST", "/repos/o/r/issues", { title: `Idea ${i}` });
    const first = call("GET", "/repos/o/r/issues?state=all&per_page=2");
    expect(first.body).toHaveLength(2);
    expect(first.headers.link).toBe(
      '<https://api.github.com/repos/o/r/issues?state=all&per_page=2&page=2>; rel="next", ' +
        '<https://api.github.com/repos/o/r/issues?state=all&per_page=2&page=3>; rel="last"',
    );
    const answer = emulator.handle({
      method: "GET",
      url: "/repos/o/r/issues?state=all&per_page=2&page=3",
      headers: auth,
      body: undefined,
      base: "http://127.0.0.1:4321/api/v3",
    });
    if ("reset" in answer) throw new Error("reset");
    expect(answer.body).toHaveLength(1);
    expect(answer.headers.link).toMatch(
      /^<http:\/\/127\.0\.0\.1:4321\/api\/v3\/repos\/o\/r\/issues\?state=all&per_page=2&page=2>; rel="prev"/,
    );
    expect(answer.headers.link).not.toMatch(/rel="next"/);
    // Labels: 30 a page unless asked for up to 100.
    for (let i = 0; i < 140; i += 1)
      repo.labels.push({ id: i, name: `label ${i}`, color: "ededed", description: "" });
    expect(call("GET", "/repos/o/r/labels").body).toHaveLength(30);
    expect(call("GET", "/repos/o/r/labels?per_page=500").body).toHaveLength(100);
    const labels = call("GET", "/repos/o/r/labels?per_page=100&page=2");
    expect((labels.body as Array<{ name: string }>).map((l) => l.name)).toEqual(
      Array.from({ length: 40 }, (_, i) => `label ${100 + i}`),
    );
    expect(labels.headers.link).not.toMatch(/rel="next"/);
  });

  it("enforces the secondary limit on creating content, with retry-after, by its clock", () => {
    const { emulator, call } = setup();
    for (let i = 0; i < SECONDARY_LIMITS.perMinute; i += 1)
      expect(call("POST", "/repos/o/r/issues", { title: `Idea ${i}` }).status).toBe(201);
    const refused = call("POST", "/repos/o/r/issues", { title: "one too many" });
    expect(refused.status).toBe(403);
    expect(refused.headers["retry-after"]).toBe("60");
    emulator.advance(60_000);
    expect(call("POST", "/repos/o/r/issues", { title: "later" }).status).toBe(201);
    expect(emulator.refusals.size).toBe(1);
  });

  it("counts the primary limit in every answer and refuses past it", () => {
    const { emulator, call } = setup();
    emulator.primaryLimit = 2;
    expect(call("GET", "/repos/o/r").headers["x-ratelimit-remaining"]).toBe("1");
    expect(call("GET", "/repos/o/r").headers["x-ratelimit-remaining"]).toBe("0");
    const refused = call("GET", "/repos/o/r");
    expect(refused.status).toBe(403);
    expect(refused.headers["x-ratelimit-remaining"]).toBe("0");
  });

  it("fails on demand: an error status, a reset connection, a slow answer", () => {
    const { emulator, call } = setup();
    emulator.inject({ method: "GET", path: /\/issues$/, kind: { status: 502 }, times: 1 });
    emulator.inject({ method: "POST", path: /\/issues$/, kind: "reset", times: 1 });
    emulator.inject({ method: "GET", path: /^\/repos\/o\/r$/, kind: { delayMs: 50 }, times: 1 });
    expect(call("GET", "/repos/o/r/issues").status).toBe(502);
    expect(call("GET", "/repos/o/r/issues").status).toBe(200);
    expect(() => call("POST", "/repos/o/r/issues", { title: "x" })).toThrow("reset");
    expect((call("GET", "/repos/o/r") as { delayMs?: number }).delayMs).toBe(50);
  });
});
