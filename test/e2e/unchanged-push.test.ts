/**
 * A push that changes no idea reads the branch and the document, and no
 * issue; anything a person changed since makes the next push read them all.
 */
import { describe, expect, it } from "vitest";
import type { EmulatedRepository } from "../../emulator/emulator.js";
import { pushPayload } from "../../emulator/payloads.js";
import { useEmulatedGitHub } from "../support/e2e.js";

const e2e = useEmulatedGitHub();
const CONFIG = ".github/ideas-sync.yml";
const DOC = "doc/ideas.md";
// `intro` is the document's text before its first section: no idea's.
const document = (intro = "") =>
  `# Ideas\n\n${intro}\n\n## Tools\n\n### Parser\n\nRead the text.\n\n### Linter\n\nCheck the text.\n`;

/** The requests a push made, as "METHOD /path", with the app's own issue events answered. */
async function push(repo: EmulatedRepository, changes: Record<string, string>): Promise<string[]> {
  const from = e2e.github.emulator.log.length;
  await e2e.github.push(repo, changes);
  await e2e.app.idle();
  await e2e.github.settled();
  await e2e.app.idle();
  return e2e.github.emulator.log.slice(from).map((r) => `${r.method} ${r.path.split("?")[0]}`);
}

describe("a push that changes no idea", () => {
  it("reads two things and writes one check run, until a person changes an issue", async () => {
    const { github } = e2e;
    github.issueEvents = true;
    try {
      const repo = github.emulator.repository("quiet", "ideas");
      const first = await push(repo, {
        [CONFIG]: `documents:\n  - path: ${DOC}\n    format: markdown\n`,
        [DOC]: document(),
      });
      // Two idea issues and the document's dashboard.
      expect(first.filter((r) => r.startsWith("POST /repos/quiet/ideas/issues"))).toHaveLength(3);

      // New text before the first section: the same ideas. The app's own issue
      // events of the first sync came back to it and changed nothing.
      const quiet = await push(repo, { [DOC]: document("Welcome: pick an idea.") });
      expect(quiet).toEqual([
        "GET /repos/quiet/ideas/branches/main",
        `GET /repos/quiet/ideas/contents/${encodeURIComponent(DOC)}`,
        "POST /repos/quiet/ideas/check-runs",
      ]);
      expect(repo.checkRuns.at(-1)?.output.title).toBe("In sync: no idea changed");
      expect(repo.checkRuns.at(-1)?.conclusion).toBe("success");

      // A person closes an issue and edits the region of another: the next
      // push that changes no idea reads the issues and repairs the region.
      const [parser, linter] = repo.issues;
      await github.changeIssue(repo, parser!.number, { state: "closed" }, "maintainer");
      const edited = linter!.body.replace("Check the text.", "Check the text. (edited)");
      await github.changeIssue(repo, linter!.number, { body: edited }, "contributor");
      await e2e.app.idle();
      const repaired = await push(repo, { [DOC]: document("Welcome: pick an idea and say so.") });
      expect(repaired).toContain("GET /repos/quiet/ideas/issues");
      expect(repo.issues.find((i) => i.number === linter!.number)?.body).not.toContain("(edited)");
      // The person's close stands: closing is a person's call.
      expect(repo.issues.find((i) => i.number === parser!.number)?.state).toBe("closed");

      // Then quiet again.
      const again = await push(repo, { [DOC]: document("Welcome, students: pick an idea.") });
      expect(again.filter((r) => r.startsWith("GET"))).toHaveLength(2);

      // A redelivery of the synced push is how a maintainer asks for a repair: it reads the issues.
      const from = github.emulator.log.length;
      const head = repo.branches.get("main") as string;

      const before = repo.commits.get(head)?.parent ?? null;
      await github.deliver(
        "push",
        pushPayload(repo, { before, after: head, commits: [{ sha: head, parent: before }] })
          .payload,
      );
      await e2e.app.idle();
      expect(
        github.emulator.log
          .slice(from)
          .some((r) => r.path.startsWith("/repos/quiet/ideas/issues?")),
      ).toBe(true);
    } finally {
      github.issueEvents = false;
    }
  });
});
