/**
 * A configured document's format and depths, as the document reader takes them.
 */
import {
  resolveDocumentOptions,
  type ResolvedOptions,
} from "../document/resolve-document-options.js";

/** The settings of a document entry that say how to read it. */
export interface ReadSettings {
  path: string;
  format: "auto" | "gosh" | "markdown";
  "section-depth"?: number | undefined;
  "idea-depth"?: number | undefined;
}

/**
 * Resolves a document entry's format and depths (by the rules of
 * resolveDocumentOptions).
 * @returns the options, or the setting that is wrong and why
 */
export function documentOptions(settings: ReadSettings): ResolvedOptions {
  return resolveDocumentOptions(
    {
      format: settings.format,
      ...(settings["section-depth"] === undefined
        ? {}
        : { sectionDepth: settings["section-depth"] }),
      ...(settings["idea-depth"] === undefined ? {} : { ideaDepth: settings["idea-depth"] }),
    },
    settings.path,
  );
}
