/**
 * Without ../shared, tests that read it are skipped, except under CI, where
 * they fail and say what is missing. Runs vitest itself on one such test
 * file, with the shared folder pointed somewhere empty.
 */
import { spawn } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { root } from "./cli.js";
import { scratchDir } from "./scratch-dir.js";

const nowhere = scratchDir("no-shared");

function vitest(env: Record<string, string>): Promise<{ status: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      [join(root, "node_modules/vitest/vitest.mjs"), "run", "test/plan/genode-replay.test.ts"],
      // Not this run's environment: vitest's own variables would make the
      // child think it is a worker of this run.
      { cwd: root, env: { PATH: process.env.PATH, IDEAS_SYNC_SHARED: nowhere, ...env } },
    );
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    child.on("close", (status) => resolve({ status, output }));
  });
}

describe("tests that read ../shared, when it is missing", () => {
  it("are skipped on a developer's machine", async () => {
    const { status, output } = await vitest({});
    expect(output).toMatch(/0 passed, 0 failed, 1 skipped/);
    expect(status, output).toBe(0);
  });

  it("fail under CI, saying ../shared is missing", async () => {
    const { status, output } = await vitest({ CI: "true" });
    expect(output).toMatch(/\.\.\/shared is missing: corpus\/genode-challenges is not in /);
    expect(output).toMatch(/0 passed, 1 failed, 0 skipped/);
    expect(status).toBe(1);
  });
});
