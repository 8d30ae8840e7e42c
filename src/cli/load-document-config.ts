/**
 * The settings of one document for a command: from --config, or defaults.
 */
import type { DocumentConfig } from "../config/config-schema.js";
import { parseConfig } from "../config/parse-config.js";
import type { DocumentOptions } from "../document/types.js";
import type { Io } from "./io.js";
import { documentOptionsFromFlags, type FormatFlags } from "./resolve-document-options.js";
import { DataError } from "./data-error.js";

/**
 * Reads the configuration file, if one is given, and picks the document at
 * `path` (or its only document). Format options on the command line win over
 * the file's.
 * @throws DataError for a bad configuration, naming file, line and key of each error
 */
export async function loadDocumentConfig(
  io: Io,
  configPath: string | undefined,
  path: string,
  flags: FormatFlags,
): Promise<{ config: DocumentConfig; options: DocumentOptions }> {
  // Without a file, the defaults apply: any path names the document then.
  const text = configPath
    ? new TextDecoder().decode(await io.readFile(configPath))
    : "documents:\n  - path: document\n";
  const result = parseConfig(text);
  if (!result.ok) {
    const lines = result.errors.map(
      (e) => `${configPath}${e.line ? `:${e.line}` : ""}: ${e.key ? `${e.key}: ` : ""}${e.message}`,
    );
    // One line however many errors: the report of a failed command is one line.
    throw new DataError(`the configuration has errors: ${lines.join("; ")}`);
  }
  const documents = configPath
    ? result.config.documents
    : result.config.documents.map((document) => ({ ...document, path }));
  const config =
    documents.find((document) => document.path === path) ??
    (documents.length === 1 ? documents[0] : undefined);
  if (!config) {
    throw new DataError(
      `${configPath} lists no document at ${path}; it lists ${documents.map((d) => d.path).join(", ")}`,
    );
  }
  const merged: FormatFlags = {
    format: flags.format ?? config.format,
    "section-depth": flags["section-depth"] ?? config["section-depth"]?.toString(),
    "idea-depth": flags["idea-depth"] ?? config["idea-depth"]?.toString(),
  };
  return { config, options: documentOptionsFromFlags(merged, path) };
}
