/**
 * Command-line format options → document options.
 */
import { resolveDocumentOptions } from "../document/resolve-document-options.js";
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
 * Checks and completes the format options of a document given on the
 * command line.
 * @param flags `--format auto|gosh|markdown`, `--section-depth N`, `--idea-depth N`
 * @param path the document's path, for `auto`
 * @throws UsageError naming the option that is wrong
 */
export function documentOptionsFromFlags(flags: FormatFlags, path: string): DocumentOptions {
  const format = flags.format ?? "auto";
  if (format !== "auto" && format !== "gosh" && format !== "markdown") {
    throw new UsageError(`--format must be auto, gosh or markdown, not "${format}"`);
  }
  const sectionDepth = depth(flags["section-depth"], "--section-depth");
  const ideaDepth = depth(flags["idea-depth"], "--idea-depth");
  const result = resolveDocumentOptions(
    {
      format,
      ...(sectionDepth === undefined ? {} : { sectionDepth }),
      ...(ideaDepth === undefined ? {} : { ideaDepth }),
    },
    path,
  );
  if (!result.ok) throw new UsageError(`--${result.setting} ${result.message}`);
  return result.options;
}

function depth(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d$/.test(value))
    throw new UsageError(`${flag} must be a number from 0 to 6, not "${value}"`);
  return Number(value);
}
