/**
 * Temporary folders for tests, removed once they are no longer needed, so
 * that running the suite leaves nothing behind in the system's temporary folder.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, onTestFinished } from "vitest";

/**
 * Makes an empty folder `ideas-sync-<name>-XXXXXX` in the temporary folder.
 * It is removed when the test that made it finishes, or, made outside a test
 * (by a test file or a module it loads), when the file's tests are done.
 * @param name what the folder is for, in its name
 * @returns the folder's path
 */
export function scratchDir(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), `ideas-sync-${name}-`));
  const remove = () => rmSync(dir, { recursive: true, force: true });
  try {
    onTestFinished(remove);
  } catch {
    // Not inside a test: vitest refuses a test hook there.
    afterAll(remove);
  }
  return dir;
}
