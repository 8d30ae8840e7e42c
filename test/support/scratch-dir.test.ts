/**
 * Tests leave nothing behind in the temporary folder.
 */
import { existsSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { scratchDir } from "./scratch-dir.js";

const outer = scratchDir("probe-file");
let inner = "";

describe("scratchDir", () => {
  it("makes a folder that lives as long as the test that made it", () => {
    inner = scratchDir("probe-test");
    expect(existsSync(inner)).toBe(true);
    expect(existsSync(outer)).toBe(true);
  });

  it("removed the last test's folder, and keeps the file's until its tests are done", () => {
    expect(inner).not.toBe("");
    expect(existsSync(inner)).toBe(false);
    expect(existsSync(outer)).toBe(true);
  });
});

// Hooks run last registered first: this one runs before scratchDir's own.
afterAll(() => {
  expect(existsSync(outer)).toBe(true);
});
