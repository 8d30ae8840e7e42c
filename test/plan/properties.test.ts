/**
 * The reconciler under random document edits and random human actions.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { titleSlug } from "../../src/document/title-slug.js";
import { readIssueBody } from "../../src/plan/issue-body.js";
import { propertyParameters } from "../support/property-parameters.js";
import { Repo, type TestIdea } from "./harness.js";

const VOCABULARY =
  "alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima mike november oscar papa quebec romeo sierra tango uniform victor whiskey xray yankee zulu amber basil cedar dune ember fern grove harbor iris jade".split(
    " ",
  );

// Bodies share few word pairs, as different ideas do: 14 words drawn by a
// small generator seeded per idea, so that two bodies rarely share a pair.
function bodyOf(seed: number): string {
  let state = (seed * 2654435761 + 12345) >>> 0;
  const words: string[] = [];
  for (let i = 0; i < 14; i += 1) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    words.push(VOCABULARY[(state >>> 8) % VOCABULARY.length] as string);
  }
  return words.join(" ") + ".";
}

type Edit =
  | { kind: "add"; seed: number; section: number }
  | { kind: "remove"; at: number }
  | { kind: "retitle"; at: number }
  | { kind: "move"; at: number; section: number }
  | { kind: "edit"; at: number; seed: number }
  | { kind: "reorder"; at: number };

type Human =
  | { kind: "close"; at: number }
  | { kind: "title"; at: number }
  | { kind: "label"; at: number }
  | { kind: "untrack"; at: number }
  | { kind: "outside"; at: number };

const index = fc.nat(1000);
const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant("add" as const), seed: fc.nat(500), section: fc.nat(2) }),
  fc.record({ kind: fc.constant("remove" as const), at: index }),
  fc.record({ kind: fc.constant("retitle" as const), at: index }),
  fc.record({ kind: fc.constant("move" as const), at: index, section: fc.nat(2) }),
  fc.record({ kind: fc.constant("edit" as const), at: index, seed: fc.nat(500) }),
  fc.record({ kind: fc.constant("reorder" as const), at: index }),
);
const human: fc.Arbitrary<Human> = fc.record({
  kind: fc.constantFrom(
    "close" as const,
    "title" as const,
    "label" as const,
    "untrack" as const,
    "outside" as const,
  ),
  at: index,
});
const step = fc.oneof(
  fc
    .array(edit, { minLength: 1, maxLength: 4 })
    .map((edits) => ({ edits, human: null as Human | null })),
  human.map((h) => ({ edits: [] as Edit[], human: h as Human | null })),
);

const SECTIONS = ["Sensors", "Software", "Power"];
let counter = 0;

function applyEdit(ideas: TestIdea[], e: Edit): void {
  const at = ideas.length > 0 ? (e.kind !== "add" ? e.at % ideas.length : 0) : -1;
  const target = ideas[at];
  switch (e.kind) {
    case "add":
      counter += 1;
      ideas.push({
        title: `Idea ${counter} ${VOCABULARY[e.seed % VOCABULARY.length]}`,
        body: bodyOf(counter * 1000 + e.seed),
        section: SECTIONS[e.section],
      });
      return;
    case "remove":
      if (target) ideas.splice(at, 1);
      return;
    case "retitle":
      if (target) target.title = `${target.title} revised`;
      return;
    case "move":
      if (target) target.section = SECTIONS[e.section];
      return;
    case "edit":
      if (target) target.body = `${target.body} ${VOCABULARY[e.seed % VOCABULARY.length]}`;
      return;
    case "reorder":
      if (target) ideas.push(...ideas.splice(at, 1));
      return;
  }
}

function applyHuman(repo: Repo, h: Human): void {
  const managed = repo.store.issues.filter((issue) => readIssueBody(issue.body).marker);
  const issue = managed[h.at % Math.max(managed.length, 1)];
  if (!issue) return;
  if (h.kind === "close" && issue.state === "open")
    Object.assign(issue, { state: "closed", stateReason: "completed" });
  if (h.kind === "title") issue.title = `${issue.title} (edited by a person)`;
  if (h.kind === "label") {
    if (!repo.store.labels.includes("help wanted")) repo.store.labels.push("help wanted");
    if (!issue.labels.includes("help wanted")) issue.labels.push("help wanted");
  }
  if (h.kind === "untrack") issue.labels = issue.labels.filter((label) => label !== "idea");
  if (h.kind === "outside") issue.body = `A person's note.\n\n${issue.body}`;
}

describe("syncing random histories", () => {
  it("keeps one issue per idea, writes nothing twice, and leaves people's things alone", () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 12 }), (steps) => {
        // Titles are numbered from 1 in every run, so that a failing run replays the same.
        counter = 0;
        const repo = new Repo();
        const unmarked = repo.store.add({
          title: "A person's issue",
          body: "Not managed.",
          state: "open",
          stateReason: null,
          labels: [],
        });
        const ideas: TestIdea[] = [];
        const identity = new Map<TestIdea, number>();
        const owner = new Map<number, number>();
        for (const s of steps) {
          if (s.human) applyHuman(repo, s.human);
          for (const e of s.edits) applyEdit(ideas, e);
          if (ideas.length === 0) continue;
          // Order by section, as a document groups them.
          const doc = [...ideas].sort(
            (a, b) => SECTIONS.indexOf(a.section ?? "") - SECTIONS.indexOf(b.section ?? ""),
          );
          for (const idea of doc) if (!identity.has(idea)) identity.set(idea, identity.size);
          repo.sync(doc);

          expect(repo.plan(doc).actions, "a second sync writes nothing").toEqual([]);
          const ideaKeys = new Set(doc.map((idea) => titleSlug(idea.title)));
          const keys = new Map<string, number[]>();
          for (const issue of repo.store.issues) {
            const marker = readIssueBody(issue.body).marker;
            if (!marker) continue;
            keys.set(marker.key, [...(keys.get(marker.key) ?? []), issue.number]);
            // Open exactly when its idea is in the document (a person's close stays).
            const personClosed = issue.state === "closed" && issue.stateReason === "completed";
            expect(
              issue.state === "open" || personClosed,
              `#${issue.number} "${issue.title}"`,
            ).toBe(ideaKeys.has(marker.key) || personClosed);
            expect(Boolean(marker.removed), `#${issue.number} marked removed`).toBe(
              !ideaKeys.has(marker.key) && !personClosed,
            );
          }
          for (const [key, numbers] of keys)
            expect(numbers, `issues of key ${key}`).toHaveLength(1);
          // Each idea keeps its one issue for good: found by its key, or, when
          // a person closed it before the idea was retitled, still that issue.
          for (const idea of doc) {
            const id = identity.get(idea) as number;
            const number =
              keys.get(titleSlug(idea.title))?.[0] ??
              (repo.issue(owner.get(id) ?? 0).state === "closed" ? owner.get(id) : undefined);
            expect(number, `idea ${idea.title} has an issue`).toBeDefined();
            if (owner.has(id))
              expect(number, `idea ${idea.title} keeps its issue`).toBe(owner.get(id));
            owner.set(id, number as number);
          }
          expect(keys.size, "one issue per idea ever seen").toBe(identity.size);
          expect(repo.issue(unmarked.number)).toMatchObject({
            title: "A person's issue",
            body: "Not managed.",
            state: "open",
            labels: [],
          });
        }
      }),
      propertyParameters(150),
    );
  });
});
