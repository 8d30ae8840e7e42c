/**
 * The Action's committed bundle is what the sources build, and action.yml
 * runs it the way GitHub can.
 */
import { execFile } from "node:child_process";
import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { ACTION_EVENTS } from "../../src/action/run-action.js";
import { root } from "../support/cli.js";
import { scratchDir } from "../support/scratch-dir.js";

const run = promisify(execFile);

const action = parse(readFileSync(join(root, "action.yml"), "utf8")) as {
  inputs: Record<string, unknown>;
  runs: { using: string; main: string };
};

/** The committed bundle's size is checked against this: it is in every clone. */
const BUNDLE_MAX_BYTES = 2_500_000;

describe("the Action's bundle", () => {
  it("is exactly what `npm run build:action` makes of the sources (run it and commit dist-action/ when this fails)", async () => {
    const out = join(scratchDir("bundle"), "index.mjs");
    await run(process.execPath, ["scripts/build-action.mjs", out], { cwd: root });
    const built = readFileSync(out);
    const committed = readFileSync(join(root, action.runs.main));
    expect(built.length).toBeGreaterThan(0);
    // Not toEqual on 1.6 MB: a mismatch would print both.
    expect(committed.equals(built), "dist-action/ is not what the sources build").toBe(true);
  }, 120_000);

  it("is what action.yml runs, on a Node version GitHub offers, and stays small", () => {
    expect(["node20", "node24"]).toContain(action.runs.using);
    expect(action.runs.main).toBe("dist-action/index.mjs");
    expect(statSync(join(root, action.runs.main)).size).toBeLessThan(BUNDLE_MAX_BYTES);
  });

  it("is used in the README's and docs' workflows with the events it handles, the permissions it needs and inputs it has", () => {
    for (const file of ["README.md", "docs/action.md"]) {
      const text = readFileSync(join(root, file), "utf8");
      const yaml = /```yaml\n(on:[\s\S]*?)```/.exec(text)?.[1];
      if (!yaml) throw new Error(`${file}: no workflow`);
      const workflow = parse(yaml) as {
        on: Record<string, unknown>;
        permissions: Record<string, string>;
        jobs: Record<string, { steps: Array<{ uses: string; with?: Record<string, string> }> }>;
      };
      for (const event of Object.keys(workflow.on)) expect(ACTION_EVENTS, file).toContain(event);
      expect(workflow.permissions, file).toEqual({
        issues: "write",
        checks: "write",
        contents: "read",
      });
      const step = Object.values(workflow.jobs)[0]?.steps[0];
      expect(step?.uses, file).toBe("OWNER/ideas-sync@v1");
      for (const input of Object.keys(step?.with ?? {}))
        expect(Object.keys(action.inputs), file).toContain(input);
    }
  });
});
