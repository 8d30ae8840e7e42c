/**
 * Syncing the 14 revisions of Genode's doc/challenges.txt one after the
 * other agrees with what transitions.json says changed at each step.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { readDocument } from "../../src/document/read-document.js";
import { readIssueBody } from "../../src/plan/issue-body.js";
import { GENODE, genodeRevisions, genodeTransitions } from "../support/corpus.js";
import { withCorpus } from "../support/with-corpus.js";
import { Repo } from "./harness.js";

withCorpus("genode").describe("replaying Genode's document", () => {
  it("creates, updates, closes and renames exactly what changed, and nothing else", () => {
    const revisions = genodeRevisions().filter((revision) => /^\d/.test(revision.seq));
    const transitions = genodeTransitions();
    const repo = new Repo();
    const numberOf = () =>
      new Map(repo.store.issues.filter((i) => i.state === "open").map((i) => [i.title, i.number]));

    const first = repo.sync(readFileSync((revisions[0] as { path: string }).path, "utf8"));
    expect(first.counts.created).toBe(34);
    expect(
      repo.plan(readFileSync((revisions[0] as { path: string }).path, "utf8")).actions,
    ).toEqual([]);

    for (const step of transitions) {
      const label = `${step.from} -> ${step.to}`;
      const text = readFileSync(join(GENODE as string, step.to), "utf8");
      const before = numberOf();
      const { plan, counts } = repo.sync(text);
      const after = numberOf();

      expect(counts.created, label).toBe(step.added.length);
      expect(counts.closed, label).toBe(step.removed.length);
      expect(counts.renamed, label).toBe(step.retitled.length);
      expect(counts.reopened, label).toBe(0);
      for (const [from, to] of step.retitled)
        expect(after.get(to), `${label}: ${to}`).toBe(before.get(from));
      // A moved idea may also have been retitled in the same step.
      const oldTitle = new Map(step.retitled.map(([from, to]) => [to, from]));
      for (const [title] of step.moved_raw) {
        expect(after.get(title), `${label}: ${title}`).toBe(
          before.get(oldTitle.get(title) ?? title),
        );
      }

      // Written: edited, retitled and moved ideas, each once; nothing else.
      const titleOf = new Map(repo.store.issues.map((issue) => [issue.number, issue.title]));
      const written = plan.actions
        .filter((a) => a.type === "update-issue")
        .map((a) => titleOf.get((a as { number: number }).number));
      expect(new Set(written).size, label).toBe(written.length);
      const allowed = new Set([
        ...step.edited.map(([title]) => title),
        ...step.retitled.map(([, to]) => to),
        ...step.moved_raw.map(([title]) => title),
      ]);
      for (const title of written)
        expect(allowed.has(title as string), `${label}: ${title} was written`).toBe(true);
      for (const [title] of step.edited) expect(written, `${label}: ${title}`).toContain(title);

      // Guards: the two revisions that remove over half the ideas on purpose are blocked.
      expect(
        plan.blocks.map((b) => b.rule),
        label,
      ).toEqual(
        step.removed.length > 3 && step.removed.length > 0.25 * before.size
          ? ["too-many-closes"]
          : [],
      );
      // The same revision again writes nothing.
      expect(repo.plan(text).actions, `${label} again`).toEqual([]);
    }

    const last = readDocument(readFileSync((revisions.at(-1) as { path: string }).path, "utf8"), {
      format: "gosh",
    });
    const open = repo.store.issues.filter((issue) => issue.state === "open");
    expect(open).toHaveLength(17);
    expect(repo.store.issues.filter((issue) => issue.state === "closed")).toHaveLength(44);
    expect(open.map((issue) => readIssueBody(issue.body).marker?.key).sort()).toEqual(
      last.sections.flatMap((section) => section.ideas.map((idea) => idea.key)).sort(),
    );
  });
});
