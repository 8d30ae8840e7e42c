/**
 * What the Action reads from the environment a job step gets, and the one
 * line it says when something is missing or wrong.
 */
import { describe, expect, it } from "vitest";
import { readActionEnvironment } from "../../src/action/read-action-environment.js";

const BASE = {
  GITHUB_EVENT_NAME: "push",
  GITHUB_EVENT_PATH: "/home/runner/work/_temp/_github_workflow/event.json",
  GITHUB_REPOSITORY: "octo/ideas",
  GITHUB_SHA: "a".repeat(40),
  GITHUB_REF: "refs/heads/main",
  GITHUB_WORKFLOW_REF: "octo/ideas/.github/workflows/ideas.yml@refs/heads/main",
  INPUT_TOKEN: "ghs_token",
  INPUT_CONFIRM: "",
  "INPUT_ISSUE-CREATOR": "github-actions[bot]",
};
const payload = () => '{"ref":"refs/heads/main"}';

describe("readActionEnvironment", () => {
  it("reads the event, repository, token and inputs, with GitHub's defaults for the addresses", () => {
    const read = readActionEnvironment(BASE, payload);
    expect(read).toEqual({
      ok: true,
      environment: {
        event: "push",
        payload: { ref: "refs/heads/main" },
        repo: { owner: "octo", repo: "ideas" },
        sha: "a".repeat(40),
        ref: "refs/heads/main",
        apiUrl: "https://api.github.com",
        serverUrl: "https://github.com",
        token: "ghs_token",
        confirm: null,
        creator: "github-actions[bot]",
        workflowFile: "ideas.yml",
      },
    });
  });

  it("takes GITHUB_TOKEN when the token input is empty, a GitHub Enterprise API, a digest and another creator", () => {
    const read = readActionEnvironment(
      {
        ...BASE,
        INPUT_TOKEN: "",
        GITHUB_TOKEN: "ghs_env",
        GITHUB_API_URL: "https://ghe.example.com/api/v3/",
        INPUT_CONFIRM: " 0123456789abcdef ",
        "INPUT_ISSUE-CREATOR": "octo-bot",
      },
      payload,
    );
    expect(read.ok && read.environment).toMatchObject({
      token: "ghs_env",
      apiUrl: "https://ghe.example.com/api/v3",
      confirm: "0123456789abcdef",
      creator: "octo-bot",
    });
  });

  it.each([
    [
      { GITHUB_EVENT_NAME: undefined, GITHUB_REPOSITORY: "" },
      "GITHUB_EVENT_NAME, GITHUB_REPOSITORY are not set: ideas-sync runs as a step of a GitHub Actions job",
    ],
    [{ GITHUB_REPOSITORY: "octo" }, 'GITHUB_REPOSITORY is "octo", not OWNER/REPO'],
    [
      { INPUT_TOKEN: "", GITHUB_TOKEN: undefined },
      "no token: the token input is empty and GITHUB_TOKEN is not set (the default, ${{ github.token }}, needs permissions issues: write, checks: write, contents: read)",
    ],
    [
      { INPUT_CONFIRM: "confirm" },
      'the confirm input is "confirm", not a plan\'s digest (16 hexadecimal digits, as a blocked run prints it)',
    ],
  ])("refuses %j in one line", (change, message) => {
    expect(readActionEnvironment({ ...BASE, ...change }, payload)).toEqual({ ok: false, message });
  });

  it("says which event file it cannot read, and why", () => {
    expect(readActionEnvironment(BASE, () => "{")).toEqual({
      ok: false,
      message: expect.stringMatching(
        /^GITHUB_EVENT_PATH \/home\/runner\/work\/_temp\/_github_workflow\/event\.json: not JSON \(/,
      ),
    });
    expect(readActionEnvironment(BASE, () => "[]")).toEqual({
      ok: false,
      message: `GITHUB_EVENT_PATH ${BASE.GITHUB_EVENT_PATH}: not a JSON object`,
    });
    const missing = readActionEnvironment(BASE, () => {
      throw new Error("ENOENT: no such file or directory");
    });
    expect(missing).toEqual({
      ok: false,
      message: `GITHUB_EVENT_PATH ${BASE.GITHUB_EVENT_PATH}: ENOENT: no such file or directory`,
    });
  });
});
