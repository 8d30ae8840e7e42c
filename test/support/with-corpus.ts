/**
 * Tests that read the shared corpus: run when it is there; when it is not,
 * skipped on a developer's machine, but failed under CI, where a missing
 * ../shared is a broken set-up that skipping would hide.
 */
import { describe, it } from "vitest";
import { GENODE, MARKDOWN_IDEAS, SHARED } from "./corpus.js";

type Suite = (title: string, body: () => void) => void;
type Test = (title: string, body: () => unknown, timeout?: number) => void;

const FOLDERS = {
  genode: { path: GENODE, name: "corpus/genode-challenges" },
  "markdown-ideas": { path: MARKDOWN_IDEAS, name: "corpus/markdown-ideas" },
} as const;

// CI=true on GitHub Actions and most other services; CI=0 or false is not CI.
const underCi = !["", "0", "false"].includes((process.env.CI ?? "").trim().toLowerCase());

/**
 * describe and it for tests that need a corpus folder of ../shared: vitest's
 * own when the folder is there; otherwise their skipping forms, or under CI
 * (the CI variable set) forms that register one failing test saying what
 * is missing instead of the tests' bodies.
 * @param corpus which folder the tests read
 */
export function withCorpus(corpus: keyof typeof FOLDERS): { describe: Suite; it: Test } {
  const folder = FOLDERS[corpus];
  if (folder.path) return { describe, it };
  if (!underCi) return { describe: describe.skip, it: it.skip };
  const fail = () => {
    throw new Error(
      `../shared is missing: ${folder.name} is not in ${SHARED}. CI is set, so tests that ` +
        "read the shared corpus fail instead of being skipped. Put the shared folder beside " +
        "the project, or point IDEAS_SYNC_SHARED at it.",
    );
  };
  return {
    describe: (title) => describe(title, () => it("has the shared corpus to read", fail)),
    it: (title) => it(title, fail),
  };
}
