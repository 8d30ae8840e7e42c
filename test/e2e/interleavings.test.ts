/**
 * Random histories against the app process and the emulator: revisions of a
 * document pushed, their deliveries shuffled, repeated and late, and people
 * closing, reopening and editing issues in between. After one final sync of
 * the branch head, every idea ever synced has exactly one issue, the open
 * ones are the head's ideas, and people's text is still there.
 *
 * Seeded: IDEAS_SYNC_SEED=N replays a run (the seed is printed), and
 * IDEAS_SYNC_RUNS=N tries more histories.
 */
import { describe, expect, it } from "vitest";
import type { EmulatedIssue, EmulatedRepository } from "../../emulator/emulator.js";
import { pushPayload, type Delivery } from "../../emulator/payloads.js";
import { useEmulatedGitHub } from "../support/e2e.js";
import { readIssueBody } from "../../src/plan/issue-body.js";

const e2e = useEmulatedGitHub();

const SEED = Number(process.env.IDEAS_SYNC_SEED ?? 20261130);
const RUNS = Number(process.env.IDEAS_SYNC_RUNS ?? 24);
const DOC = "doc/ideas.md";
const WORDS =
  "alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima mike november oscar papa quebec romeo sierra tango uniform victor whiskey xray yankee zulu".split(
    " ",
  );

/** A small seeded generator (Park–Miller), so that a run replays exactly. */
function generator(seed: number) {
  let state = Math.abs(Math.floor(seed)) % 2147483646 || 1;
  const next = () => (state = (state * 48271) % 2147483647) / 2147483647;
  return {
    below: (n: number) => Math.floor(next() * n),
    chance: (p: number) => next() < p,
    pick<T>(items: readonly T[]): T {
      return items[Math.floor(next() * items.length)] as T;
    },
  };
}
type Random = ReturnType<typeof generator>;

interface Idea {
  id: number;
  title: string;
  words: string[];
  pin?: string;
}

/** Each idea's text holds a token of its own, so that its issue can be found by it. */
const token = (id: number) => `tok${id}q`;

function markdown(ideas: readonly Idea[]): string {
  const parts = ["# Ideas", "", "## Projects", ""];
  for (const idea of ideas) {
    if (idea.pin) parts.push(`<!-- ideas-sync: key=${idea.pin} -->`);
    parts.push(`### ${idea.title}`, "", `${token(idea.id)} ${idea.words.join(" ")}.`, "");
  }
  return parts.join("\n");
}

/** The next revision: a few random edits of the ideas. */
function edit(ideas: Idea[], random: Random, ids: { next: number }): Idea[] {
  const next = ideas.map((idea) => ({ ...idea, words: [...idea.words] }));
  const newIdea = (title?: string): Idea => {
    const id = ids.next++;
    return {
      id,
      title: title ?? `Project ${id} ${random.pick(WORDS)}`,
      words: Array.from({ length: 12 }, () => random.pick(WORDS)),
    };
  };
  for (let n = 1 + random.below(3); n > 0; n -= 1) {
    const at = random.below(Math.max(next.length, 1));
    const target = next[at];
    switch (random.below(7)) {
      case 0:
        next.push(newIdea());
        break;
      case 1:
        if (target && next.length > 1) next.splice(at, 1);
        break;
      case 2:
        if (target) target.title = `${target.title} revised`;
        break;
      case 3:
        if (target) target.words.push(random.pick(WORDS));
        break;
      case 4:
        if (target) target.pin = `pin-${target.id}-${random.below(3)}`;
        break;
      case 5:
        // A second idea of the same title, with a text of its own.
        if (target) next.push(newIdea(target.title));
        break;
      default:
        if (target) next.push(...next.splice(at, 1));
    }
  }
  return next;
}

const markerOf = (issue: EmulatedIssue) => readIssueBody(issue.body).marker;
// The idea in an issue's region (or what is left of it: a person may have
// deleted the end line of a closed issue, which ideas-sync leaves be).
const tokenOf = (issue: EmulatedIssue) =>
  /tok(\d+)q/.exec(readIssueBody(issue.body).content)?.[1] ?? null;

/** What a person does to an issue between deliveries; returns people's text to find later. */
function actOn(repo: EmulatedRepository, random: Random, note: number): string | null {
  const managed = repo.issues.filter((issue) => markerOf(issue));
  const issue = managed.length > 0 ? random.pick(managed) : undefined;
  if (!issue) return null;
  const text = `note${note}z`;
  switch (random.below(8)) {
    case 0:
      if (issue.state === "open")
        Object.assign(issue, { state: "closed", state_reason: "completed" });
      return null;
    case 1:
      if (issue.state === "closed")
        Object.assign(issue, { state: "open", state_reason: "reopened" });
      return null;
    case 2:
      issue.body = `${text} written above.\n\n${issue.body}`;
      return text;
    case 3:
      issue.body = `${issue.body}\n\n${text} written below.`;
      return text;
    case 4: {
      // Inside the region: ideas-sync's text, which it restores.
      issue.body = issue.body.replace(/(ideas-sync:begin -->\n)/, `$1${text} inside. `);
      return null;
    }
    case 5:
      issue.body = `${text} above.\n\n${issue.body.replace(/<!-- ideas-sync:end .*-->/, "")}`;
      return text;
    case 6: {
      const other = random.pick(managed);
      issue.body = `${text} quoting:\n\n${other.body}\n\n${issue.body}`;
      return text;
    }
    default:
      issue.title = `${issue.title} (edited)`;
      return null;
  }
}

describe("random interleavings of pushes, deliveries and people", () => {
  it("ends with one issue per idea, the head's ideas open, and people's text kept", async () => {
    console.log(`interleavings: seed ${SEED}, ${RUNS} runs (IDEAS_SYNC_SEED, IDEAS_SYNC_RUNS)`);
    let deliveries = 0;
    let actions = 0;
    const only = process.env.IDEAS_SYNC_ONLY;
    for (let run = 0; run < RUNS; run += 1) {
      if (only !== undefined && Number(only) !== run) continue;
      const random = generator(SEED + run * 7919);
      const where = `seed ${SEED}, run ${run}`;
      const repo = e2e.github.emulator.repository("interleaved", `run-${SEED}-${run}`);
      const ids = { next: 1 };
      let ideas: Idea[] = [];
      for (let n = 2 + random.below(3); n > 0 || ideas.length === 0; n -= 1)
        ideas = edit(ideas, random, ids);
      // The first revision is synced before anything else happens.
      const first = repo.commit({
        ".github/ideas-sync.yml": `documents:\n  - path: ${DOC}\n    dashboard: false\n`,
        [DOC]: markdown(ideas),
      });
      await e2e.github.deliver(
        "push",
        pushPayload(repo, { before: null, after: first, commits: [{ sha: first, parent: null }] })
          .payload,
      );
      await e2e.app.idle();
      const synced = new Set(ideas.map((idea) => idea.id));
      const pending: Delivery[] = [];
      for (let n = 2 + random.below(4); n > 0; n -= 1) {
        ideas = edit(ideas, random, ids);
        const before = repo.branches.get("main") ?? null;
        const after = repo.commit({ [DOC]: markdown(ideas) });
        pending.push(
          pushPayload(repo, { before, after, commits: [{ sha: after, parent: before }] }),
        );
      }
      const order = [...pending];
      for (let i = order.length - 1; i > 0; i -= 1) {
        const j = random.below(i + 1);
        [order[i], order[j]] = [order[j] as Delivery, order[i] as Delivery];
      }
      // Some deliveries come twice, some late.
      for (const delivery of pending) if (random.chance(0.3)) order.push(delivery);
      const notes: string[] = [];
      for (const delivery of order) {
        if (random.chance(0.6)) {
          const note = actOn(repo, random, actions);
          if (only !== undefined)
            console.log(
              `person: ${note}`,
              repo.issues.map((i) => `#${i.number} ${i.state} ${i.title}`),
            );
          actions += 1;
          if (note) notes.push(note);
        }
        await e2e.github.deliver(delivery.name, delivery.payload);
        await e2e.app.idle();
        deliveries += 1;
        if (only !== undefined)
          console.log(
            `delivered ${String(delivery.payload.after).slice(0, 7)} (head ${repo.branches.get("main")?.slice(0, 7)})`,
            repo.issues.map((i) => `#${i.number} ${i.state} ${i.title} ${tokenOf(i)}`),
          );
      }
      // One final sync of the head: its push delivered once more.
      const headPush = pending.at(-1) as Delivery;
      await e2e.github.deliver(headPush.name, headPush.payload);
      await e2e.app.idle();
      const last = repo.checkRuns.at(-1);
      if (last?.conclusion === "action_required") {
        await e2e.github.press(repo, last, "confirm");
        await e2e.app.idle();
      }
      for (const issue of repo.issues) {
        const id = tokenOf(issue);
        if (id !== null) synced.add(Number(id));
      }
      if (only !== undefined) {
        console.log(
          repo.checkRuns.map((r) => `${r.head_sha.slice(0, 7)} ${r.conclusion} ${r.output.title}`),
        );
        console.log(markdown(ideas));
        for (const issue of repo.issues)
          console.log(
            `#${issue.number} ${issue.state} ${issue.state_reason} "${issue.title}"\n${issue.body}\n`,
          );
      }

      // One issue per idea ever seen.
      const byToken = new Map<string, number[]>();
      for (const issue of repo.issues) {
        const id = tokenOf(issue);
        if (id !== null) byToken.set(id, [...(byToken.get(id) ?? []), issue.number]);
      }
      for (const [id, numbers] of byToken) expect(numbers, `${where}: idea ${id}`).toHaveLength(1);
      expect(repo.issues.length, `${where}: issues`).toBeLessThanOrEqual(ids.next - 1);
      // The head's ideas have their issue, open unless a person closed it.
      for (const idea of ideas) {
        const number = byToken.get(String(idea.id))?.[0];
        expect(number, `${where}: issue of "${idea.title}"`).toBeDefined();
        const issue = repo.issues[(number as number) - 1] as EmulatedIssue;
        if (issue.state === "closed")
          expect(issue.state_reason, `${where}: #${issue.number} closed`).toBe("completed");
        else expect(markerOf(issue)?.removed, `${where}: #${issue.number}`).toBeUndefined();
      }
      // The others are closed, or open because a person reopened them.
      const head_ids = new Set(ideas.map((idea) => String(idea.id)));
      for (const [id, [number]] of byToken) {
        if (head_ids.has(id)) continue;
        const issue = repo.issues[(number as number) - 1] as EmulatedIssue;
        if (issue.state === "open")
          expect(markerOf(issue)?.removed, `${where}: #${issue.number} open`).toBe(true);
      }
      // People's text is where they left it.
      const bodies = repo.issues.map((issue) => issue.body).join("\n");
      for (const note of notes) expect(bodies, `${where}: ${note}`).toContain(note);
      expect(
        repo.checkRuns.at(-1)?.conclusion,
        `${where}: ${repo.checkRuns.at(-1)?.output.summary}`,
      ).not.toBe("failure");
    }
    console.log(
      `interleavings: ${RUNS} runs, ${deliveries} deliveries, ${actions} people's actions`,
    );
  }, 300_000);
});
