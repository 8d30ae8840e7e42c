/**
 * The fewest issue and label writes a replay of Genode's history needs, from
 * the corpus's own account of what changed (transitions.json), so that the
 * bench holds the app to a figure the planner did not make.
 */

/** One step of transitions.json, the fields the count reads. */
export interface CorpusTransition {
  to: string;
  /** "Title [Section]" of each new idea. */
  added: string[];
  /** "Title [Section]" of each idea gone. */
  removed: string[];
  /** [old title, new title, how it was matched]. */
  retitled: Array<[string, string, ...unknown[]]>;
  /** [title, old section, new section]: every idea whose section changed. */
  moved_raw: Array<[string, string, string]>;
  /** [title, similarity]: ideas whose text changed. */
  edited: Array<[string, ...unknown[]]>;
}

/** The first revision, synced into an empty repository. */
export interface FirstRevision {
  name: string;
  ideas: number;
  /** The sections that hold its ideas, each getting a label. */
  sections: string[];
}

/** Which writes carry a comment as well, as the configuration says. */
export interface CommentSettings {
  close: boolean;
  rename: boolean;
  reopen: boolean;
}

/** The fewest writes of one revision, by kind. */
export interface MinimumStep {
  revision: string;
  creates: number;
  updates: number;
  closes: number;
  reopens: number;
  comments: number;
  labels: number;
  writes: number;
}

const ENTRY = /^(.*) \[([^\]]*)\]$/;

function split(entry: string): { title: string; section: string | null } {
  const match = ENTRY.exec(entry);
  return match
    ? { title: match[1] as string, section: match[2] as string }
    : { title: entry, section: null };
}

/**
 * Per revision, the fewest writes that keep one issue per idea: the first
 * sync creates an issue per idea, a label per section and the tracking
 * label; then each transition creates an issue per new idea (reopens one
 * whose title was removed before), closes one per idea gone, updates one per
 * idea retitled, edited or moved to another section (once, however many of
 * these), creates a label per section that holds ideas for the first time,
 * and adds a comment to each close, retitle and reopen that the settings
 * ask to be commented. Ideas whose change is whitespace only need nothing.
 * @param first the first revision
 * @param transitions the steps of transitions.json, in order
 * @param comments the configuration's comment settings
 */
export function minimumReplayWrites(
  first: FirstRevision,
  transitions: readonly CorpusTransition[],
  comments: CommentSettings,
): MinimumStep[] {
  const labelled = new Set(first.sections);
  const closed = new Set<string>();
  const steps: MinimumStep[] = [
    {
      revision: first.name,
      creates: first.ideas,
      updates: 0,
      closes: 0,
      reopens: 0,
      comments: 0,
      labels: labelled.size + 1,
      writes: first.ideas + labelled.size + 1,
    },
  ];
  for (const t of transitions) {
    const step: MinimumStep = {
      revision: t.to,
      creates: 0,
      updates: 0,
      closes: 0,
      reopens: 0,
      comments: 0,
      labels: 0,
      writes: 0,
    };
    const newSections = new Set<string>();
    const reopened = new Set<string>();
    for (const entry of t.added) {
      const { title, section } = split(entry);
      if (section !== null) newSections.add(section);
      if (closed.delete(title)) {
        reopened.add(title);
        step.reopens += 1;
        if (comments.reopen) step.comments += 1;
      } else step.creates += 1;
    }
    for (const entry of t.removed) {
      closed.add(split(entry).title);
      step.closes += 1;
      if (comments.close) step.comments += 1;
    }
    const changed = new Set<string>();
    for (const [, title] of t.retitled) {
      changed.add(title);
      if (comments.rename) step.comments += 1;
    }
    for (const [title] of t.edited) changed.add(title);
    for (const [title, , section] of t.moved_raw) {
      changed.add(title);
      newSections.add(section);
    }
    // A reopen brings the text and labels up to date in its one write.
    for (const title of reopened) changed.delete(title);
    step.updates = changed.size;
    for (const section of newSections)
      if (!labelled.has(section)) {
        labelled.add(section);
        step.labels += 1;
      }
    step.writes =
      step.creates + step.updates + step.closes + step.reopens + step.comments + step.labels;
    steps.push(step);
  }
  return steps;
}
