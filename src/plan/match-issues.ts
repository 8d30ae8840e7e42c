/**
 * Which issue is each idea's: identity across edits, retitles, pins, moves
 * and damage done to issues.
 */
import type { Idea } from "../document/types.js";
import { titleSlug } from "../document/title-slug.js";
import { ideaTextOf } from "./issue-content.js";
import type { ReadBody } from "./issue-body.js";
import { matchRetitles, RETITLE_THRESHOLD } from "./match-retitles.js";
import { shingles, similarity } from "./text-similarity.js";
import type { IssueSnapshot, Marker } from "./types.js";

/** An issue whose marker says it is one of this document's ideas. */
export interface ManagedIssue {
  issue: IssueSnapshot;
  read: ReadBody & { marker: Marker };
}

/** An issue ideas-sync made whose marker is gone (a person rewrote or cut the body). */
export interface UnmarkedIssue {
  issue: IssueSnapshot;
  read: ReadBody;
}

/** How an idea found its issue. */
export type MatchedBy = "key" | "text" | "retitle" | "restored";

/** The pairing of ideas and issues, and what is left over. */
export interface IssueMatch {
  /** Each idea that has an issue, by key: the issue and how it was found. */
  byIdea: Map<string, { entry: ManagedIssue | UnmarkedIssue; by: MatchedBy }>;
  /** Managed issues no idea has: their idea is gone (closed unless already closed). */
  orphans: ManagedIssue[];
  /**
   * Managed issues claiming the key of an issue that was kept: left alone
   * and reported, so that two issues for one key never lead to a third.
   */
  conflicts: Array<{ key: string; kept: number; other: number }>;
  /** Issues that lost their marker and that no idea has. */
  unmarkedOrphans: UnmarkedIssue[];
}

/**
 * Pairs the document's ideas with issues, one to one, in passes from the
 * surest to the loosest:
 *  1. same key and the same text as last written;
 *  2. the same text as last written, whatever the key (a pin added or
 *     changed, a duplicate title's key shifted when the first was removed);
 *  3. the same key and like text, unless other ideas or issues share the
 *     idea's title (then the key says little, and the text decides);
 *  4. like text, for a retitled idea or a re-pinned edited one (issues a
 *     person closed stay closed, and no twin is opened; issues ideas-sync
 *     closed are reopened);
 *  5. the same key, for what text could not decide;
 *  6. issues ideas-sync made whose marker a person removed, by title (the
 *     same, or one a person added to) or text: their region is restored.
 * @param ideas the document's ideas
 * @param managed issues whose marker names this document (or one it took over)
 * @param unmarked issues ideas-sync made that lost their marker
 */
export function matchIssues(
  ideas: readonly Idea[],
  managed: readonly ManagedIssue[],
  unmarked: readonly UnmarkedIssue[],
): IssueMatch {
  const byIdea: IssueMatch["byIdea"] = new Map();
  const taken = new Set<number>();
  const sorted = [...managed].sort((a, b) => a.issue.number - b.issue.number);
  const byKey = groupBy(sorted, (entry) => entry.read.marker.key);
  const take = (idea: Idea, entry: ManagedIssue | UnmarkedIssue, by: MatchedBy) => {
    byIdea.set(idea.key, { entry, by });
    taken.add(entry.issue.number);
  };
  const free = (entries: readonly ManagedIssue[] | undefined) =>
    (entries ?? []).filter((entry) => !taken.has(entry.issue.number));
  // The ideas without an issue yet, in order. An idea once paired stays
  // paired, so each pass filters what the last one left, not every idea.
  let pending: readonly Idea[] = ideas;
  const waiting = () => (pending = pending.filter((idea) => !byIdea.has(idea.key)));
  // Issues not yet taken, in order. A pass after the first looks only at
  // these: an issue once taken stays taken. In a large document most issues
  // are taken by the first pass, and indexing only the rest saves the time
  // a map of every issue takes to build.
  const untaken = () => sorted.filter((entry) => !taken.has(entry.issue.number));

  // 1.
  // (What free(…).find(…) would find, without a filtered copy per idea.)
  for (const idea of ideas) {
    for (const entry of byKey.get(idea.key) ?? []) {
      if (entry.read.marker.hash !== idea.hash || taken.has(entry.issue.number)) continue;
      take(idea, entry, "key");
      break;
    }
  }
  // 2.
  const byHash = groupBy(untaken(), (entry) => entry.read.marker.hash);
  for (const idea of waiting()) {
    const same = free(byHash.get(idea.hash))[0];
    if (same) take(idea, same, "text");
  }
  // 3.
  const slugs = new Map<Idea, string>();
  for (const idea of waiting()) if (!idea.pinned) slugs.set(idea, titleSlug(idea.title));
  const slugCount = countBy([...slugs.values()]);
  const own = new Map<Idea, Set<string>>();
  const shinglesOf = (idea: Idea) => {
    let set = own.get(idea);
    if (!set) own.set(idea, (set = shingles(`${idea.title} ${idea.markdown}`)));
    return set;
  };
  // The issues whose key is a slug or the slug with "-1", "-2" …, by slug.
  const families = new Map<string, ManagedIssue[]>();
  for (const entry of untaken()) {
    const key = entry.read.marker.key;
    const base = key.replace(/-\d+$/, "");
    for (const slug of base === key ? [key] : [key, base]) {
      const family = families.get(slug);
      if (family) family.push(entry);
      else families.set(slug, [entry]);
    }
  }
  for (const idea of waiting()) {
    const candidate = free(byKey.get(idea.key))[0];
    if (!candidate) continue;
    const slug = slugs.get(idea);
    if (slug !== undefined) {
      const issues = free(families.get(slug)).length;
      if ((slugCount.get(slug) ?? 0) > 1 || issues > 1) continue;
    }
    // A key whose text changed beyond recognition may have gone to another
    // idea (a retitle onto an old title): the texts decide first.
    const text = shingles(`${candidate.issue.title} ${ideaTextOf(candidate.read.content)}`);
    if (similarity(shinglesOf(idea), text) >= RETITLE_THRESHOLD) take(idea, candidate, "key");
  }
  // 4.
  const candidates = untaken();
  const retitles = matchRetitles(
    waiting(),
    candidates.map((entry) => ({
      number: entry.issue.number,
      text: `${entry.issue.title} ${ideaTextOf(entry.read.content)}`,
    })),
  );
  const byNumber = new Map(candidates.map((entry) => [entry.issue.number, entry]));
  for (const idea of waiting()) {
    const number = retitles.get(idea.key);
    if (number !== undefined) {
      const entry = byNumber.get(number) as ManagedIssue;
      take(idea, entry, entry.read.marker.key === idea.key ? "key" : "retitle");
    }
  }
  // 5.
  for (const idea of waiting()) {
    const same = free(byKey.get(idea.key))[0];
    if (same) take(idea, same, "key");
  }
  // 6.
  const restorable = [...unmarked].sort((a, b) => a.issue.number - b.issue.number);
  for (const idea of waiting()) {
    const found = restorable.find(
      (entry) => !taken.has(entry.issue.number) && entry.issue.title === idea.title,
    );
    if (found) take(idea, found, "restored");
  }
  // A person may have added to the title as well.
  for (const idea of waiting()) {
    const title = idea.title.toLowerCase();
    const found = restorable.find(
      (entry) => !taken.has(entry.issue.number) && entry.issue.title.toLowerCase().includes(title),
    );
    if (found) take(idea, found, "restored");
  }
  const left = restorable.filter((entry) => !taken.has(entry.issue.number));
  if (left.length > 0) {
    // What is left of the region says most; without one, people's text is all there is.
    const texts = left.map((entry) =>
      shingles(
        `${entry.issue.title} ${entry.read.content ? ideaTextOf(entry.read.content) : `${entry.read.before} ${entry.read.after}`}`,
      ),
    );
    for (const idea of waiting()) {
      const own = shingles(`${idea.title} ${idea.markdown}`);
      let best = -1;
      let score = RETITLE_THRESHOLD;
      left.forEach((entry, index) => {
        if (taken.has(entry.issue.number)) return;
        const value = similarity(own, texts[index] as Set<string>);
        if (value >= score) [best, score] = [index, value + Number.EPSILON];
      });
      if (best !== -1) take(idea, left[best] as UnmarkedIssue, "restored");
    }
  }

  // The kept issue of each key an untaken issue claims too.
  const rest = untaken();
  const claimed = new Set(rest.map((entry) => entry.read.marker.key));
  const keptKeys = new Map<string, number>();
  for (const { entry } of byIdea.values())
    if (entry.read.marker && claimed.has(entry.read.marker.key))
      keptKeys.set(entry.read.marker.key, entry.issue.number);
  const orphans: ManagedIssue[] = [];
  const conflicts: IssueMatch["conflicts"] = [];
  for (const entry of rest) {
    if (taken.has(entry.issue.number)) continue;
    const kept = keptKeys.get(entry.read.marker.key);
    if (kept === undefined) {
      orphans.push(entry);
      continue;
    }
    if (entry.issue.state !== "open" || entry.read.marker.removed) continue;
    // A copy of another issue's body: its title may still say whose issue it
    // is, and then its region is restored.
    const owner = waiting().find((idea) => idea.title === entry.issue.title);
    if (owner)
      take(owner, { issue: entry.issue, read: { ...entry.read, marker: null } }, "restored");
    else conflicts.push({ key: entry.read.marker.key, kept, other: entry.issue.number });
  }
  const unmarkedOrphans = restorable.filter((entry) => !taken.has(entry.issue.number));
  return { byIdea, orphans, conflicts, unmarkedOrphans };
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

function countBy(items: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(item, (counts.get(item) ?? 0) + 1);
  return counts;
}
