/**
 * Access to the shared corpus beside the project (../shared). The project
 * does not copy those documents: they are their authors' text.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const projectRoot = resolve(fileURLToPath(new URL("../..", import.meta.url)));

/** The shared folder, ../shared beside the project (IDEAS_SYNC_SHARED overrides it). */
export const SHARED = process.env.IDEAS_SYNC_SHARED ?? resolve(projectRoot, "../shared");

/** The Genode corpus folder, or null when it is not there. */
export const GENODE = existsSync(join(SHARED, "corpus/genode-challenges/ideas.tsv"))
  ? join(SHARED, "corpus/genode-challenges")
  : null;

/** The Markdown corpus folder, or null when it is not there. */
export const MARKDOWN_IDEAS = existsSync(join(SHARED, "corpus/markdown-ideas"))
  ? join(SHARED, "corpus/markdown-ideas")
  : null;

if (!GENODE || !MARKDOWN_IDEAS) {
  console.warn(
    [
      "",
      "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!",
      `!!! The shared corpus is missing at ${SHARED}`,
      "!!! Tests that read the Genode and Markdown corpora are SKIPPED,",
      "!!! or FAIL when the CI variable is set (see test/support/with-corpus.ts).",
      "!!! Put the shared folder beside the project, or set IDEAS_SYNC_SHARED.",
      "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!",
      "",
    ].join("\n"),
  );
}

/** One revision of Genode's doc/challenges.txt. */
export interface Revision {
  /** "001" … "014", or "x01" for the off-mainline one. */
  seq: string;
  file: string;
  path: string;
}

/** The mainline revisions in order, then the off-mainline ones. */
export function genodeRevisions(): Revision[] {
  if (!GENODE) return [];
  const dir = GENODE;
  const main = readdirSync(dir)
    .filter((file) => /^\d{3}_.*\.txt$/.test(file))
    .sort()
    .map((file) => ({ seq: file.slice(0, 3), file, path: join(dir, file) }));
  const off = readdirSync(join(dir, "off-mainline"))
    .filter((file) => file.endsWith(".txt"))
    .sort()
    .map((file) => ({ seq: file.slice(0, 3), file, path: join(dir, "off-mainline", file) }));
  return [...main, ...off];
}

/** A row of ideas.tsv. */
export interface IdeaRow {
  seq: string;
  section: string;
  position: number;
  title: string;
  line: number;
  bodyLines: number;
}

/** The ideas of each mainline revision, as ideas.tsv lists them. */
export function genodeIdeaRows(): IdeaRow[] {
  if (!GENODE) return [];
  const [, ...rows] = readFileSync(join(GENODE, "ideas.tsv"), "utf8").trim().split("\n");
  return rows.map((row) => {
    const [seq, , , section, position, title, line, bodyLines] = row.split("\t");
    return {
      seq: seq as string,
      section: section as string,
      position: Number(position),
      title: title as string,
      line: Number(line),
      bodyLines: Number(bodyLines),
    };
  });
}

/** One step of transitions.json. */
export interface Transition {
  from: string;
  to: string;
  added: string[];
  removed: string[];
  retitled: Array<[string, string, string]>;
  moved_raw: Array<[string, string, string]>;
  edited: Array<[string, number]>;
}

/** What changed between consecutive mainline revisions. */
export function genodeTransitions(): Transition[] {
  if (!GENODE) return [];
  return JSON.parse(readFileSync(join(GENODE, "transitions.json"), "utf8")) as Transition[];
}
