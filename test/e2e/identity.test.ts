/**
 * One issue per idea, whatever people and GitHub do: the app as a process of
 * its own against the emulator, with deliveries out of order, moved
 * documents, people editing, closing and reopening issues, and text that
 * looks like ideas-sync's markers. Each test asserts one issue per idea, the
 * open issues equal to the head's ideas, people's text kept, and the writes
 * spent.
 */
import { describe, expect, it } from "vitest";
import type { EmulatedIssue, EmulatedRepository } from "../../emulator/emulator.js";
import { pushPayload } from "../../emulator/payloads.js";
import { useEmulatedGitHub } from "../support/e2e.js";
import { readIssueBody } from "../../src/plan/issue-body.js";

const e2e = useEmulatedGitHub();

const CONFIG = ".github/ideas-sync.yml";
const DOC = "doc/ideas.md";
const config = (path = DOC) => `documents:\n  - path: ${path}\n    dashboard: false\n`;

/** An idea of a test document. */
interface Idea {
  title: string;
  body: string;
  pin?: string;
}

const WORDS =
  "alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima mike november oscar papa quebec romeo sierra tango uniform victor whiskey xray yankee zulu".split(
    " ",
  );

/** A body of twelve words, different for each seed. */
function text(seed: number): string {
  let state = (seed * 2654435761 + 7) >>> 0;
  const words: string[] = [];
  for (let i = 0; i < 12; i += 1) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    words.push(WORDS[(state >>> 8) % WORDS.length] as string);
  }
  return `${words.join(" ")}.`;
}

const idea = (title: string, seed: number, pin?: string): Idea => ({
  title,
  body: text(seed),
  ...(pin ? { pin } : {}),
});

/** A Markdown ideas list: one section, one `###` heading per idea. */
function markdown(ideas: readonly Idea[]): string {
  const parts = ["# Ideas", "", "## Projects", ""];
  for (const i of ideas) {
    if (i.pin) parts.push(`<!-- ideas-sync: key=${i.pin} -->`);
    parts.push(`### ${i.title}`, "", i.body, "");
  }
  return parts.join("\n");
}

async function push(repo: EmulatedRepository, changes: Record<string, string | null>) {
  const sha = await e2e.github.push(repo, changes);
  await e2e.app.idle();
  return sha;
}

const writes = () => e2e.github.emulator.log.filter((r) => r.method !== "GET").length;
const reads = () => e2e.github.emulator.log.filter((r) => r.method === "GET").length;
const markerOf = (issue: EmulatedIssue) => readIssueBody(issue.body).marker;
const issueOf = (repo: EmulatedRepository, title: string) => {
  const found = repo.issues.filter((i) => i.title === title);
  expect(found, `issues titled "${title}"`).toHaveLength(1);
  return found[0] as EmulatedIssue;
};

/**
 * The issues match the ideas: one issue per idea, the open managed issues
 * exactly the ideas' (save the ones a person reopened), each key once.
 */
function expectSynced(repo: EmulatedRepository, ideas: readonly Idea[], path = DOC) {
  const managed = repo.issues.filter((i) => markerOf(i));
  const open = managed.filter((i) => i.state === "open" && !markerOf(i)?.removed);
  expect(open.map((i) => i.title).sort()).toEqual(ideas.map((i) => i.title).sort());
  for (const i of open) expect(markerOf(i)?.path).toBe(path);
  const keys = managed.map((i) => markerOf(i)?.key);
  expect(new Set(keys).size, "one issue per key").toBe(keys.length);
  expect(repo.checkRuns.at(-1)?.conclusion).not.toBe("failure");
}

describe("deliveries late or out of order", () => {
  it("ends at the branch head when five pushes are delivered in reverse order", async () => {
    const repo = e2e.github.emulator.repository("order", "reverse");
    const revisions = [
      [idea("Sensor fusion", 1), idea("Wind gauge", 2)],
      [idea("Sensor fusion", 1), idea("Wind gauge", 2), idea("Solar charger", 3)],
      [idea("Wind gauge", 2), idea("Solar charger", 3), idea("Rain meter", 4)],
      [idea("Solar charger", 3), idea("Rain meter", 4), idea("Frost alarm", 5)],
      [idea("Rain meter", 4), idea("Frost alarm", 5), idea("Cloud camera", 6)],
    ];
    const deliveries = revisions.map((ideas, index) => {
      const before = repo.branches.get("main") ?? null;
      const after = repo.commit({
        ...(index === 0 ? { [CONFIG]: config() } : {}),
        [DOC]: markdown(ideas),
      });
      return pushPayload(repo, { before, after, commits: [{ sha: after, parent: before }] });
    });
    for (const delivery of [...deliveries].reverse()) {
      await e2e.github.deliver(delivery.name, delivery.payload);
      await e2e.app.idle();
    }
    expectSynced(repo, revisions[4] as Idea[]);
    // No older revision's idea was ever written.
    expect(repo.issues.map((i) => i.title).sort()).toEqual(
      ["Cloud camera", "Frost alarm", "Rain meter"].sort(),
    );
    // A redelivery of an old push, long after, costs reads only.
    const [w, r] = [writes(), reads()];
    await e2e.github.deliver(deliveries[1]?.name as string, deliveries[1]?.payload as object);
    await e2e.app.idle();
    expect(writes() - w).toBe(0);
    expect(reads() - r).toBeGreaterThan(0);
    expectSynced(repo, revisions[4] as Idea[]);
  }, 60_000);

  it("syncs a late push's document at the head when the newer push changed another file only", async () => {
    const repo = e2e.github.emulator.repository("order", "other-file");
    await push(repo, { [CONFIG]: config(), [DOC]: markdown([idea("Sensor fusion", 1)]) });
    const ideas = [idea("Sensor fusion", 1), idea("Wind gauge", 2)];
    const before = repo.branches.get("main") ?? null;
    const changed = repo.commit({ [DOC]: markdown(ideas) });
    const other = repo.commit({ "README.md": "news" });
    const late = pushPayload(repo, {
      before,
      after: changed,
      commits: [{ sha: changed, parent: before }],
    });
    const newer = pushPayload(repo, {
      before: changed,
      after: other,
      commits: [{ sha: other, parent: changed }],
    });
    await e2e.github.deliver(newer.name, newer.payload);
    await e2e.app.idle();
    await e2e.github.deliver(late.name, late.payload);
    await e2e.app.idle();
    expectSynced(repo, ideas);
    // Reported on the pushed commit, saying where the document was read.
    const run = repo.checkRuns.at(-1);
    expect(run?.head_sha).toBe(changed);
    expect(run?.output.summary).toContain(`at the branch head, ${other.slice(0, 7)}`);
  }, 60_000);
});

describe("a moved document", () => {
  it("keeps every issue when the document and its path in the configuration move in one push", async () => {
    const repo = e2e.github.emulator.repository("moved", "one-push");
    const ideas = [idea("Sensor fusion", 1), idea("Wind gauge", 2), idea("Solar charger", 3)];
    await push(repo, { [CONFIG]: config(), [DOC]: markdown(ideas) });
    const numbers = repo.issues.map((i) => i.number);
    const w = writes();
    await push(repo, {
      [DOC]: null,
      "ideas/list.md": markdown(ideas),
      [CONFIG]: config("ideas/list.md"),
    });
    expect(repo.issues.map((i) => i.number)).toEqual(numbers);
    expectSynced(repo, ideas, "ideas/list.md");
    for (const i of repo.issues) expect(i.body).toContain("ideas/list.md, line");
    // One update per issue, and the check run.
    expect(writes() - w).toBe(ideas.length + 1);
  }, 60_000);

  it("keeps every issue when the document moves in one push and the configuration follows in the next, and closes an idea dropped on the way", async () => {
    const repo = e2e.github.emulator.repository("moved", "two-pushes");
    const ideas = [
      idea("Sensor fusion", 1),
      idea("Wind gauge", 2),
      idea("Solar charger", 3),
      idea("Rain meter", 4),
    ];
    await push(repo, { [CONFIG]: config(), [DOC]: markdown(ideas) });
    const kept = ideas.slice(0, 3);
    await push(repo, { [DOC]: null, "ideas/list.md": markdown(kept) });
    expect(repo.checkRuns.at(-1)?.output.summary).toMatch(/not in this commit/);
    expect(repo.issues.filter((i) => i.state === "closed")).toHaveLength(0);
    await push(repo, { [CONFIG]: config("ideas/list.md") });
    expect(repo.issues).toHaveLength(4);
    expectSynced(repo, kept, "ideas/list.md");
    expect(issueOf(repo, "Rain meter").state).toBe("closed");
  }, 60_000);
});

describe("people's edits of an issue", () => {
  it("restores the region when a person deletes its end line, keeping their text, with no second issue", async () => {
    const repo = e2e.github.emulator.repository("damage", "end-line");
    const ideas = [idea("Sensor fusion", 1), idea("Wind gauge", 2)];
    await push(repo, { [CONFIG]: config(), [DOC]: markdown(ideas) });
    const issue = issueOf(repo, "Wind gauge");
    issue.body = `A person's note on top.\n\n${issue.body.replace(/<!-- ideas-sync:end .*-->/, "")}\n\nAnd one below.`;
    const edited = [ideas[0] as Idea, { ...(ideas[1] as Idea), body: text(22) }];
    await push(repo, { [DOC]: markdown(edited) });
    expect(repo.issues).toHaveLength(2);
    expectSynced(repo, edited);
    expect(issue.body).toContain("A person's note on top.");
    expect(issue.body).toContain("And one below.");
    expect(issue.body).toContain(text(22));
    // The old copy of the idea's text went with the old region.
    expect(issue.body).not.toContain(text(2));
    expect(readIssueBody(issue.body).damaged).toBe(false);
  }, 60_000);

  it("restores the region of an issue whose body a person rewrote, with no second issue", async () => {
    const repo = e2e.github.emulator.repository("damage", "rewritten");
    const ideas = [idea("Sensor fusion", 1), idea("Wind gauge", 2)];
    await push(repo, { [CONFIG]: config(), [DOC]: markdown(ideas) });
    const issue = issueOf(repo, "Wind gauge");
    issue.body = "I rewrote this: see the design notes in the wiki.";
    const w = writes();
    await push(repo, { [DOC]: markdown([...ideas, idea("Solar charger", 3)]) });
    expect(repo.issues).toHaveLength(3);
    expect(issue.body).toContain("I rewrote this");
    expect(issue.body).toContain(text(2));
    // The new idea's issue, the restored region, the check run.
    expect(writes() - w).toBe(3);
  }, 60_000);

  it("keeps a closed issue when a person closed it and the idea is then retitled", async () => {
    const repo = e2e.github.emulator.repository("closed", "retitle");
    const ideas = [idea("Sensor fusion", 1), idea("Wind gauge", 2)];
    await push(repo, { [CONFIG]: config(), [DOC]: markdown(ideas) });
    const issue = issueOf(repo, "Wind gauge");
    Object.assign(issue, { state: "closed", state_reason: "completed" });
    const w = writes();
    await push(repo, {
      [DOC]: markdown([ideas[0] as Idea, { ...(ideas[1] as Idea), title: "Wind speed gauge" }]),
    });
    expect(repo.issues).toHaveLength(2);
    expect(issue.state).toBe("closed");
    expect(writes() - w).toBe(1);
  }, 60_000);

  it("closes again an issue a person reopened, once its idea came back and was removed again", async () => {
    const repo = e2e.github.emulator.repository("reopened", "twice");
    const ideas = [
      idea("Sensor fusion", 1),
      idea("Wind gauge", 2),
      idea("Solar charger", 3),
      idea("Rain meter", 4),
    ];
    await push(repo, { [CONFIG]: config(), [DOC]: markdown(ideas) });
    const without = ideas.filter((i) => i.title !== "Wind gauge");
    await push(repo, { [DOC]: markdown(without) });
    const issue = issueOf(repo, "Wind gauge");
    expect(issue.state).toBe("closed");
    // A person reopens it: it is not closed again while the idea stays away.
    Object.assign(issue, { state: "open", state_reason: "reopened" });
    await push(repo, { [DOC]: markdown(without) + "\n" });
    expect(issue.state).toBe("open");
    await push(repo, { [DOC]: markdown(ideas) });
    expect(markerOf(issue)?.removed).toBeUndefined();
    await push(repo, { [DOC]: markdown(without) });
    expect(issue.state).toBe("closed");
    expect(repo.issues).toHaveLength(4);
    const closes = issue.comments.filter((c) => c.body.includes("was removed from"));
    expect(closes).toHaveLength(2);
  }, 60_000);
});

describe("text that looks like ideas-sync's markers", () => {
  it("cannot forge a marker from the document, nor make an issue grow", async () => {
    const repo = e2e.github.emulator.repository("forged", "document");
    const ideas = [idea("Sensor fusion", 1), idea("Wind gauge", 2)];
    await push(repo, { [CONFIG]: config(), [DOC]: markdown(ideas) });
    const target = issueOf(repo, "Sensor fusion");
    const forged = readIssueBody(target.body).marker;
    const hostile = [
      ideas[0] as Idea,
      {
        ...(ideas[1] as Idea),
        body: `${text(2)} <!-- ideas-sync:end ${JSON.stringify(forged)} --> and <!-- ideas-sync:begin --> too.`,
      },
    ];
    await push(repo, { [DOC]: markdown(hostile) });
    const body = target.body;
    const w = writes();
    for (let i = 0; i < 3; i += 1)
      await push(repo, { [DOC]: markdown(hostile) + "\n".repeat(i + 1) });
    expect(repo.issues).toHaveLength(2);
    expect(target.body).toBe(body);
    expect(markerOf(issueOf(repo, "Wind gauge"))?.key).toBe("wind-gauge");
    // Three check runs and nothing else.
    expect(writes() - w).toBe(3);
  }, 60_000);

  it("keeps an issue whose body a person pasted another issue's body into, and reports two issues claiming one key", async () => {
    const repo = e2e.github.emulator.repository("forged", "pasted");
    const ideas = [idea("Sensor fusion", 1), idea("Wind gauge", 2)];
    await push(repo, { [CONFIG]: config(), [DOC]: markdown(ideas) });
    const first = issueOf(repo, "Sensor fusion");
    const second = issueOf(repo, "Wind gauge");
    second.body = `Quoting the other one:\n\n${first.body}\n\n${second.body}`;
    const edited = [
      { ...(ideas[0] as Idea), body: text(11) },
      { ...(ideas[1] as Idea), body: text(12) },
    ];
    await push(repo, { [DOC]: markdown(edited) });
    expect(repo.issues).toHaveLength(2);
    expect(markerOf(second)?.key).toBe("wind-gauge");
    expect(second.body).toContain("Quoting the other one:");
    expect(second.body).toContain(text(12));
    // A person copies one whole body over the other: its title still says whose it is.
    second.body = first.body;
    await push(repo, { [DOC]: markdown([...edited, idea("Solar charger", 3)]) });
    expect(repo.issues).toHaveLength(3);
    expect(markerOf(second)?.key).toBe("wind-gauge");
    expect(second.body).toContain(text(12));
    expect(first.body).toContain(text(11));
    // Body and title copied: the copy is left alone and reported, and no third issue is made.
    second.body = first.body;
    second.title = "Sensor fusion, again";
    const w = writes();
    await push(repo, { [DOC]: markdown([edited[0] as Idea, idea("Solar charger", 3)]) });
    expect(repo.issues).toHaveLength(3);
    expect(second.body).toBe(first.body);
    expect(second.state).toBe("open");
    const run = repo.checkRuns.at(-1);
    expect(run?.output.summary).toContain(
      "#2](https://github.com/forged/pasted/issues/2) claims `sensor-fusion`, the idea of [#1]",
    );
    expect(run?.conclusion).toBe("neutral");
    expect(writes() - w).toBe(1);
  }, 60_000);
});

describe("keys and titles", () => {
  it("keeps the issue when a maintainer pins a key on an existing idea, or changes the pin", async () => {
    const repo = e2e.github.emulator.repository("pins", "ideas");
    const ideas = [idea("Sensor fusion", 1), idea("A browser for the web", 2)];
    await push(repo, { [CONFIG]: config(), [DOC]: markdown(ideas) });
    const issue = issueOf(repo, "A browser for the web");
    const pinned = [ideas[0] as Idea, { ...(ideas[1] as Idea), pin: "web-browser" }];
    await push(repo, { [DOC]: markdown(pinned) });
    expect(repo.issues).toHaveLength(2);
    expect(markerOf(issue)?.key).toBe("web-browser");
    expect(issue.state).toBe("open");
    expect(issue.comments).toHaveLength(0);
    const repinned = [
      ideas[0] as Idea,
      { ...(ideas[1] as Idea), pin: "browser", body: `${text(2)} Pinned.` },
    ];
    await push(repo, { [DOC]: markdown(repinned) });
    expect(repo.issues).toHaveLength(2);
    expect(markerOf(issue)?.key).toBe("browser");
    expectSynced(repo, repinned);
  }, 60_000);

  it("tells two ideas of the same title apart by their text when the first is removed", async () => {
    const repo = e2e.github.emulator.repository("twins", "ideas");
    const ideas = [idea("Port a driver", 1), idea("Port a driver", 2), idea("Wind gauge", 3)];
    await push(repo, { [CONFIG]: config(), [DOC]: markdown(ideas) });
    const [first, second] = repo.issues;
    second?.comments.push({ id: 1, body: "Discussion of the second one.", user: "octocat" });
    await push(repo, { [DOC]: markdown(ideas.slice(1)) });
    expect(repo.issues).toHaveLength(3);
    expect(first?.state).toBe("closed");
    expect(second?.state).toBe("open");
    expect(second?.body).toContain(text(2));
    expect(first?.body).toContain(text(1));
    // And when the remaining one is edited at the same time as the first goes.
    const repo2 = e2e.github.emulator.repository("twins", "edited");
    await push(repo2, { [CONFIG]: config(), [DOC]: markdown(ideas) });
    await push(repo2, {
      [DOC]: markdown([{ ...(ideas[1] as Idea), body: `${text(2)} More.` }, ideas[2] as Idea]),
    });
    expect(repo2.issues).toHaveLength(3);
    expect(repo2.issues[0]?.state).toBe("closed");
    expect(repo2.issues[1]?.body).toContain(`${text(2)} More.`);
  }, 60_000);
});

describe("people working on issues while a run writes", () => {
  it("keeps a note and labels a person adds, and a label they take off, between the listing and the write", async () => {
    const repo = e2e.github.emulator.repository("during", "run");
    const ideas = [idea("Sensor fusion", 1), idea("Wind gauge", 2), idea("Solar charger", 3)];
    await push(repo, { [CONFIG]: config(), [DOC]: markdown(ideas) });
    const last = issueOf(repo, "Solar charger");
    last.labels.push("wontfix");
    // As the run's first update arrives, a person edits the last issue.
    let acted = false;
    e2e.github.emulator.beforeRequest = (method, path) => {
      if (acted || method !== "PATCH" || !path.endsWith("/issues/1")) return;
      acted = true;
      last.body = `${last.body}\n\nA person's note, written during the run.`;
      last.labels = [...last.labels.filter((l) => l !== "wontfix"), "help wanted"];
      last.title = "Solar charger (needs a mentor)";
    };
    const edited = ideas.map((i) => ({ ...i, body: `${i.body} Revised.` }));
    const w = writes();
    await push(repo, { [DOC]: markdown(edited) });
    e2e.github.emulator.beforeRequest = null;
    expect(acted).toBe(true);
    expectSynced(
      repo,
      edited.map((i) =>
        i.title === "Solar charger" ? { ...i, title: "Solar charger (needs a mentor)" } : i,
      ),
    );
    expect(last.body).toContain("A person's note, written during the run.");
    expect(last.body).toContain(`${text(3)} Revised.`);
    expect(last.labels.sort()).toEqual(["Projects", "help wanted", "idea"]);
    // The text changed, not the title: the person's title stays.
    expect(last.title).toBe("Solar charger (needs a mentor)");
    // Three updates and the check run; each update read its issue first.
    expect(writes() - w).toBe(4);
  }, 60_000);
});
