/**
 * A document's format and depths, checked and completed.
 */
import { DEFAULT_IDEA_DEPTH } from "./start-extraction.js";
import { formatForPath } from "./format-for-path.js";
import type { DocumentOptions } from "./types.js";

/** The settings as a person gives them: any of them may be left out. */
export interface GivenOptions {
  format?: "auto" | "gosh" | "markdown";
  sectionDepth?: number;
  ideaDepth?: number;
}

/** Complete options, or the setting that is wrong and why. */
export type ResolvedOptions =
  | { ok: true; options: DocumentOptions }
  | { ok: false; setting: "section-depth" | "idea-depth"; message: string };

/**
 * Resolves `auto` by the document's file name and fills in the depths; the
 * one place where the rules for depths live (the configuration file and the
 * command line both use it).
 * @param given format and depths, as configured
 * @param path the document's path, for `auto`
 */
export function resolveDocumentOptions(given: GivenOptions, path: string): ResolvedOptions {
  const format = !given.format || given.format === "auto" ? formatForPath(path) : given.format;
  const { sectionDepth, ideaDepth } = given;
  if (format === "gosh") {
    if (ideaDepth !== undefined) {
      return {
        ok: false,
        setting: "idea-depth",
        message: "applies to Markdown only: in GOSH, ideas are :term: entries",
      };
    }
    if (sectionDepth !== undefined && (sectionDepth < 1 || sectionDepth > 4)) {
      return {
        ok: false,
        setting: "section-depth",
        message: "for GOSH must be 1 (### chapters), 2 (===), 3 (~~~) or 4 (---)",
      };
    }
    return {
      ok: true,
      options: { format, ...(sectionDepth === undefined ? {} : { sectionDepth }) },
    };
  }
  const ideas = ideaDepth ?? (sectionDepth ? sectionDepth + 1 : DEFAULT_IDEA_DEPTH);
  const sections = sectionDepth ?? ideas - 1;
  if (ideas < 1 || ideas > 6)
    return { ok: false, setting: "idea-depth", message: "must be 1 to 6" };
  if (sections < 0 || sections >= ideas) {
    return {
      ok: false,
      setting: "section-depth",
      message: `must be 0 (no sections) or less than the idea depth (${ideas})`,
    };
  }
  return { ok: true, options: { format, sectionDepth: sections, ideaDepth: ideas } };
}
