/**
 * Command-line format options → document options.
 */
import { DEFAULT_IDEA_DEPTH } from "../document/extract-ideas.js";
import { formatForPath } from "../document/format-for-path.js";
import type { DocumentOptions } from "../document/types.js";
import { UsageError } from "./usage-error.js";

/** The format options every command takes, for node:util parseArgs. */
export const FORMAT_OPTIONS = {
  format: { type: "string" },
  "section-depth": { type: "string" },
  "idea-depth": { type: "string" },
} as const;

/** The format options as given on the command line. */
export interface FormatFlags {
  format?: string;
  "section-depth"?: string;
  "idea-depth"?: string;
}

/**
 * Checks and completes the format options of a document.
 * @param flags `--format auto|gosh|markdown`, `--section-depth N`, `--idea-depth N`
 * @param path the document's path, for `auto`
 * @throws UsageError naming the option that is wrong
 */
export function resolveDocumentOptions(flags: FormatFlags, path: string): DocumentOptions {
  const given = flags.format ?? "auto";
  if (given !== "auto" && given !== "gosh" && given !== "markdown") {
    throw new UsageError(`--format must be auto, gosh or markdown, not "${given}"`);
  }
  const format = given === "auto" ? formatForPath(path) : given;
  const sectionDepth = depth(flags["section-depth"], "--section-depth");
  const ideaDepth = depth(flags["idea-depth"], "--idea-depth");
  if (format === "gosh") {
    if (ideaDepth !== undefined) {
      throw new UsageError(
        "--idea-depth applies to Markdown only: in GOSH, ideas are :term: entries",
      );
    }
    if (sectionDepth !== undefined && (sectionDepth < 1 || sectionDepth > 4)) {
      throw new UsageError(
        "--section-depth for GOSH must be 1 (### chapters), 2 (===), 3 (~~~) or 4 (---)",
      );
    }
    return { format, ...(sectionDepth === undefined ? {} : { sectionDepth }) };
  }
  const ideas = ideaDepth ?? (sectionDepth ? sectionDepth + 1 : DEFAULT_IDEA_DEPTH);
  const sections = sectionDepth ?? ideas - 1;
  if (ideas < 1 || ideas > 6) throw new UsageError("--idea-depth must be 1 to 6");
  if (sections < 0 || sections >= ideas) {
    throw new UsageError(
      `--section-depth must be 0 (no sections) or less than the idea depth (${ideas})`,
    );
  }
  return { format, sectionDepth: sections, ideaDepth: ideas };
}

function depth(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d$/.test(value))
    throw new UsageError(`${flag} must be a number from 0 to 6, not "${value}"`);
  return Number(value);
}
