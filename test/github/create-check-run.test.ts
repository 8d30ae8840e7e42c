/**
 * createCheckRun against the emulator: GitHub's limits on a check run's
 * summary (bytes) and annotations (50 a request).
 */
import nock from "nock";
import { Probot, ProbotOctokit } from "probot";
import { afterEach, describe, expect, it } from "vitest";
import { createCheckRun, type Annotation } from "../../src/github/create-check-run.js";
import { cutToBytes } from "../../src/github/cut-to-bytes.js";
import type { Octokit } from "../../src/github/octokit.js";
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

const report = (summary: string, annotations: Annotation[] = []) => ({
  name: "ideas-sync",
  headSha: "a".repeat(40),
  conclusion: "success" as const,
  title: "A title",
  summary,
  detailsUrl: "https://github.com/genode/ideas",
  annotations,
});

const repoOf = (github: FakeGitHub) => ({ owner: github.owner, repo: github.repo });
const bytes = (text: string) => Buffer.byteLength(text, "utf8");

afterEach(() => {
  nock.cleanAll();
});

describe("cutToBytes", () => {
  it("cuts by bytes of UTF-8 between characters, the note included", () => {
    expect(cutToBytes("éé", 4, "…")).toBe("éé");
    // "é" is 2 bytes, "…" 3: 6 bytes hold one "é" and the note, not half of another.
    expect(cutToBytes("éééé", 6, "…")).toBe("é…");
    expect(cutToBytes("🐢🐢🐢", 9)).toBe("🐢🐢");
    expect(cutToBytes("🐢🐢🐢", 7)).toBe("🐢");
    expect(cutToBytes("abc", 2, "…")).toBe("…");
  });
});

describe("createCheckRun", () => {
  it("cuts a summary of multi-byte text to GitHub's 65,535 bytes, saying so", async () => {
    const { github, octokit } = setup();
    // 40,000 characters, 80,000 bytes: short enough by characters, too long by bytes.
    const summary = "- Idée " + "é".repeat(39_993);
    await createCheckRun(await octokit, repoOf(github), report(summary));
    const run = github.checkRuns[0];
    expect(run).toBeDefined();
    expect(bytes(run?.output.summary ?? "")).toBeLessThanOrEqual(65_535);
    expect(bytes(run?.output.summary ?? "")).toBeGreaterThan(65_400);
    expect(run?.output.summary).toMatch(/^- Idée é+\n\n… \(cut: the summary is longer/);
    expect(run?.output.summary).not.toContain("\uFFFD");
    // Emoji are 4 bytes each.
    await createCheckRun(await octokit, repoOf(github), report("🐢".repeat(20_000)));
    expect(bytes(github.checkRuns[1]?.output.summary ?? "")).toBeLessThanOrEqual(65_535);
    expect(github.checkRuns[1]?.output.summary).not.toContain("\uFFFD");
    expect(github.refused).toEqual([]);
  });

  it("leaves a summary that fits as it is", async () => {
    const { github, octokit } = setup();
    const summary = "é".repeat(32_767);
    await createCheckRun(await octokit, repoOf(github), report(summary));
    expect(github.checkRuns[0]?.output.summary).toBe(summary);
  });

  it("sends every annotation: 50 with the check run, the rest 50 per update", async () => {
    const { github, octokit } = setup();
    const annotations: Annotation[] = Array.from({ length: 123 }, (_, i) => ({
      path: "doc/ideas.txt",
      line: i + 1,
      level: "warning",
      message: `problem ${i + 1}`,
    }));
    await createCheckRun(await octokit, repoOf(github), report("Problems.", annotations));
    expect(github.checkRuns).toHaveLength(1);
    const marked = github.checkRuns[0]?.output.annotations as Array<{ start_line: number }>;
    expect(marked.map((a) => a.start_line)).toEqual(annotations.map((a) => a.line));
    expect(github.calls()).toEqual([
      "POST /repos/genode/ideas/check-runs",
      `PATCH /repos/genode/ideas/check-runs/${github.checkRuns[0]?.id}`,
      `PATCH /repos/genode/ideas/check-runs/${github.checkRuns[0]?.id}`,
    ]);
    expect(github.checkRuns[0]?.output.summary).toBe("Problems.");
    expect(github.refused).toEqual([]);
  });
});
