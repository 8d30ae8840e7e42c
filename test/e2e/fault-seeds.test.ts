/**
 * Faults at random points of every sync, against a fault-free control: for
 * each seed, one repository gets the example history with faults injected
 * (errors before and after GitHub made the write, connections reset) and a
 * maintainer pressing Try again until the run succeeds; another gets the
 * same history without faults. Both must end with the same issues, bodies,
 * labels and comments: no write lost, none repeated.
 *
 * Seeded: IDEAS_SYNC_FAULT_SEED=N replays (the seeds are printed), and
 * IDEAS_SYNC_FAULT_SEEDS=N tries more.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { EmulatedRepository, Fault } from "../../emulator/emulator.js";
import { useEmulatedGitHub } from "../support/e2e.js";
import { root } from "../support/cli.js";

const e2e = useEmulatedGitHub();

const FIRST = Number(process.env.IDEAS_SYNC_FAULT_SEED ?? 1);
const SEEDS = Number(process.env.IDEAS_SYNC_FAULT_SEEDS ?? 30);
const DOC = "doc/ideas.txt";
const CONFIG = ".github/ideas-sync.yml";
// Added, edited and retitled (a rename comment), removed (close comments),
// one brought back (a reopen comment).
const REVISIONS = [
  "01-first-ideas.txt",
  "02-two-ideas-added.txt",
  "03-edit-and-retitle.txt",
  "04-move-and-remove.txt",
  "05-an-idea-comes-back.txt",
].map((name) => readFileSync(join(root, "examples/history", name), "utf8"));

/** Pushes each revision; on a run that did not succeed, presses its button until it does. */
async function replay(repo: EmulatedRepository, faults: (step: number) => Fault[]) {
  for (const [step, text] of REVISIONS.entries()) {
    for (const fault of faults(step)) e2e.github.emulator.inject(fault);
    await e2e.github.push(repo, {
      ...(step === 0 ? { [CONFIG]: `documents:\n  - path: ${DOC}\n    dashboard: false\n` } : {}),
      [DOC]: text,
    });
    await e2e.app.idle();
    for (let press = 0; repo.checkRuns.at(-1)?.conclusion !== "success"; press += 1) {
      const run = repo.checkRuns.at(-1);
      const button = run?.actions[0]?.identifier;
      if (!run || !button || press > 10)
        throw new Error(`step ${step}: stuck at ${run?.conclusion}: ${run?.output.title}`);
      // Faults left over from this step strike the retry too, as they would.
      await e2e.github.press(repo, run, button);
      await e2e.app.idle();
    }
    e2e.github.emulator.faults.length = 0;
  }
}

/** Issues and comments, with what differs between two repositories by name alone made equal. */
function state(repo: EmulatedRepository): unknown {
  const plain = (text: string) =>
    text
      .replaceAll(repo.fullName, "OWNER/REPO")
      // The region's hash covers its links, which name the repository.
      .replace(/"region":"[0-9a-f]{16}"/g, '"region":"HASH"')
      .replace(/\b[0-9a-f]{40}\b/g, "SHA")
      .replace(/\b[0-9a-f]{7}\b/g, "SHORT");
  return repo.issues.map((issue) => ({
    number: issue.number,
    title: issue.title,
    state: issue.state,
    reason: issue.state_reason,
    labels: [...issue.labels].sort(),
    body: plain(issue.body),
    comments: issue.comments.map((c) => plain(c.body)),
  }));
}

describe("faults at random points, against a fault-free control", () => {
  it("ends with the same issues, bodies, labels and comments, seed after seed", async () => {
    console.log(
      `fault seeds ${FIRST}..${FIRST + SEEDS - 1} (IDEAS_SYNC_FAULT_SEED, IDEAS_SYNC_FAULT_SEEDS)`,
    );
    const control = e2e.github.emulator.repository("control", "ideas");
    await replay(control, () => []);
    const expected = state(control);
    const comments = control.issues.flatMap((i) => i.comments);
    // The history does write each kind of comment.
    expect(comments.filter((c) => c.body.includes("was renamed"))).toHaveLength(1);
    expect(comments.filter((c) => c.body.includes("was removed"))).toHaveLength(1);
    expect(comments.filter((c) => c.body.includes("is back"))).toHaveLength(1);
    let struck = 0;
    for (let seed = FIRST; seed < FIRST + SEEDS; seed += 1) {
      let value = seed;
      const random = () => (value = (value * 48271) % 2147483647) / 2147483647;
      const kinds: Fault["kind"][] = [
        { status: 500 },
        { status: 502, applied: true },
        "reset",
        { status: 503 },
      ];
      const repo = e2e.github.emulator.repository("faulty", `seed-${seed}`);
      const before = e2e.github.emulator.log.length;
      await replay(repo, () =>
        Array.from({ length: 1 + Math.floor(random() * 2) }, () => ({
          method: random() < 0.5 ? "POST" : "PATCH",
          path: /\/issues(\/\d+(\/comments)?)?$/,
          kind: kinds[Math.floor(random() * kinds.length)] as Fault["kind"],
          times: 1,
          after: Math.floor(random() * 4),
        })),
      );
      struck += e2e.github.emulator.log
        .slice(before)
        .filter((r) => r.status === 0 || r.status >= 500).length;
      expect(state(repo), `seed ${seed}`).toEqual(expected);
    }
    console.log(`fault seeds: ${SEEDS} seeds, ${struck} requests failed or reset`);
    expect(struck).toBeGreaterThanOrEqual(SEEDS);
  }, 300_000);
});
