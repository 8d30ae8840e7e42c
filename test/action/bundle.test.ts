/**
 * The Action's committed bundle is what the sources build, and action.yml
 * runs it the way GitHub can.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { root } from "../support/cli.js";

const run = promisify(execFile);

const action = parse(readFileSync(join(root, "action.yml"), "utf8")) as {
  runs: { using: string; main: string };
};

/** The committed bundle's size is checked against this: it is in every clone. */
const BUNDLE_MAX_BYTES = 2_500_000;

describe("the Action's bundle", () => {
  it("is exactly what `npm run build:action` makes of the sources (run it and commit dist-action/ when this fails)", async () => {
    const out = join(mkdtempSync(join(tmpdir(), "ideas-sync-bundle-")), "index.mjs");
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
});
