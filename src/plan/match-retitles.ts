/**
 * Recognising a retitled idea by its text.
 */
import type { Idea } from "../document/types.js";
import { shingles, similarity } from "./text-similarity.js";

/**
 * How alike an idea and an issue's last text must be to count as one idea
 * under a new title. Over the 14 revisions of Genode's document the five
 * retitles score 0.78 to 0.97, and no other pair of an added and a removed
 * idea scores above 0.06.
 */
export const RETITLE_THRESHOLD = 0.5;

/** A candidate: an issue whose idea is gone from the document, and the text it showed. */
export interface Orphan {
  number: number;
  text: string;
}

/**
 * Pairs ideas that have no issue with orphaned issues, best pairs first and
 * one to one, when their texts are alike enough.
 * @param ideas ideas of the document that no issue has
 * @param orphans issues whose idea is no longer in the document
 * @returns issue number by idea key
 */
export function matchRetitles(
  ideas: readonly Idea[],
  orphans: readonly Orphan[],
): Map<string, number> {
  const matches = new Map<string, number>();
  if (ideas.length === 0 || orphans.length === 0) return matches;
  const orphanShingles = orphans.map((orphan) => shingles(orphan.text));
  // An index from word pair to orphans keeps this linear when most ideas
  // share nothing: only orphans sharing a pair are compared.
  const index = new Map<string, number[]>();
  orphanShingles.forEach((set, position) => {
    for (const pair of set) {
      const list = index.get(pair);
      if (list) list.push(position);
      else index.set(pair, [position]);
    }
  });
  // A word pair many orphans share ("of the") finds no retitle, only work:
  // candidates come from the rarer pairs, which a retitled text shares many
  // of, and only the few orphans sharing the most of them are scored.
  const common = 8;
  const scored = 5;
  const pairs: Array<{ idea: number; orphan: number; score: number }> = [];
  ideas.forEach((idea, ideaPosition) => {
    const own = shingles(`${idea.title} ${idea.markdown}`);
    const shared = new Map<number, number>();
    for (const pair of own) {
      const postings = index.get(pair);
      if (postings && postings.length <= common) {
        for (const position of postings) shared.set(position, (shared.get(position) ?? 0) + 1);
      }
    }
    const candidates = [...shared]
      .sort((a, b) => b[1] - a[1] || a[0] - b[0])
      .slice(0, scored)
      .map(([position]) => position);
    for (const position of candidates) {
      const score = similarity(own, orphanShingles[position] as Set<string>);
      if (score >= RETITLE_THRESHOLD) pairs.push({ idea: ideaPosition, orphan: position, score });
    }
  });
  pairs.sort((a, b) => b.score - a.score || a.idea - b.idea || a.orphan - b.orphan);
  const takenOrphans = new Set<number>();
  for (const pair of pairs) {
    const idea = ideas[pair.idea] as Idea;
    if (matches.has(idea.key) || takenOrphans.has(pair.orphan)) continue;
    matches.set(idea.key, (orphans[pair.orphan] as Orphan).number);
    takenOrphans.add(pair.orphan);
  }
  return matches;
}
