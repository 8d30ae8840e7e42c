/**
 * The fewest writes of a replay, from the corpus's account of its changes.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { minimumReplayWrites, type CorpusTransition } from "../../bench/minimum-replay-writes.js";
import { parseConfig } from "../../src/config/parse-config.js";
import { replayHistory } from "../../src/replay/replay-history.js";
import { GENODE, genodeIdeaRows, genodeRevisions } from "../support/corpus.js";
import { withCorpus } from "../support/with-corpus.js";

const ALL = { close: true, rename: true, reopen: true };
const NONE = { close: false, rename: false, reopen: false };
const step = (fields: Partial<CorpusTransition>): CorpusTransition => ({
  to: "next",
  added: [],
  removed: [],
  retitled: [],
  moved_raw: [],
  edited: [],
  ...fields,
});
const FIRST = { name: "first", ideas: 3, sections: ["A", "B"] };

describe("minimumReplayWrites", () => {
  it("creates an issue per idea, a label per section and the tracking label first", () => {
    expect(minimumReplayWrites(FIRST, [], ALL)).toEqual([
      {
        revision: "first",
        creates: 3,
        updates: 0,
        closes: 0,
        reopens: 0,
        comments: 0,
        labels: 3,
        writes: 6,
      },
    ]);
  });

  it.each([
    ["nothing changed", step({}), ALL, 0],
    ["an idea added to a labelled section", step({ added: ["New [A]"] }), ALL, 1],
    ["an idea added to a new section", step({ added: ["New [C]"] }), ALL, 2],
    ["an idea removed, commented", step({ removed: ["Old [A]"] }), ALL, 2],
    ["an idea removed, uncommented", step({ removed: ["Old [A]"] }), NONE, 1],
    ["an idea edited", step({ edited: [["One", 0.9]] }), ALL, 1],
    [
      "an idea retitled and edited: one update and its comment",
      step({ retitled: [["One", "Uno", "retitled"]], edited: [["Uno", 0.9]] }),
      ALL,
      2,
    ],
    [
      "an idea retitled, edited and moved to a new section: one update, a comment, a label",
      step({
        retitled: [["One", "Uno", "retitled"]],
        edited: [["Uno", 0.9]],
        moved_raw: [["Uno", "A", "D"]],
      }),
      ALL,
      3,
    ],
    ["an idea moved to a labelled section", step({ moved_raw: [["One", "A", "B"]] }), ALL, 1],
  ])("%s", (_, transition, comments, writes) => {
    expect(minimumReplayWrites(FIRST, [transition], comments)[1]?.writes).toBe(writes);
  });

  it("reopens an idea that comes back instead of creating it, and labels a section once", () => {
    const steps = minimumReplayWrites(
      FIRST,
      [
        step({ removed: ["Old [A]"], added: ["New [C]"] }),
        step({ added: ["Old [A]", "Newer [C]"], edited: [["Old", 0.5]] }),
      ],
      ALL,
    );
    expect(steps[1]).toMatchObject({ creates: 1, closes: 1, comments: 1, labels: 1, writes: 4 });
    // The reopen writes text and labels at once: the edit adds nothing.
    expect(steps[2]).toMatchObject({ creates: 1, reopens: 1, updates: 0, comments: 1, labels: 0 });
    expect(steps[2]?.writes).toBe(3);
  });
});

withCorpus("genode").describe("minimumReplayWrites on Genode's history", () => {
  it("agrees step by step with the writes the planner makes in memory", () => {
    const transitions = JSON.parse(
      readFileSync(join(GENODE as string, "transitions.json"), "utf8"),
    ) as CorpusTransition[];
    const revisions = genodeRevisions().filter((r) => /^\d/.test(r.seq));
    const firstRows = genodeIdeaRows().filter((row) => row.seq === revisions[0]?.seq);
    const parsed = parseConfig("documents:\n  - path: doc/challenges.txt\n");
    if (!parsed.ok) throw new Error("bad configuration");
    const settings = parsed.config.documents[0] as (typeof parsed.config.documents)[0];
    const minimum = minimumReplayWrites(
      {
        name: revisions[0]?.file as string,
        ideas: firstRows.length,
        sections: [...new Set(firstRows.map((row) => row.section))],
      },
      transitions,
      settings.comments,
    );
    const planned = replayHistory(
      revisions.map((r) => ({ name: r.file, content: readFileSync(r.path, "utf8") })),
      {
        config: settings,
        options: { format: "gosh" },
        path: "doc/challenges.txt",
        repositoryUrl: "https://github.com/o/genode",
        force: true,
      },
    ).steps;
    expect(minimum.map((s) => [s.revision, s.writes])).toEqual(
      planned.map((s) => [s.revision, s.writes]),
    );
  });
});
