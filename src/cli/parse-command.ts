/**
 * `ideas-sync parse FILE`: what ideas-sync reads from a document.
 */
import { parseArgs } from "node:util";
import { documentJson } from "./document-json.js";
import { formatDocumentText } from "./format-document-text.js";
import type { Io } from "./io.js";
import { loadParser } from "./load-parser.js";
import { readDocumentLazily } from "./read-document-lazily.js";
import { FORMAT_OPTIONS, documentOptionsFromFlags } from "./resolve-document-options.js";
import { UsageError } from "./usage-error.js";

/** Usage of `ideas-sync parse`. */
export const PARSE_USAGE = `Usage: ideas-sync parse FILE [--format auto|gosh|markdown] [--section-depth N] [--idea-depth N] [--json]

Lists the sections and ideas ideas-sync reads from FILE, then any problems.
  --format          auto (default: Markdown for .md/.markdown, GOSH otherwise), gosh or markdown
  --section-depth   heading depth of sections (Markdown: 0 for none, default idea depth - 1; GOSH: 1-4, default 1)
  --idea-depth      heading depth of ideas (Markdown only, default 3)
  --json            print JSON instead of text
Exit status: 0 without errors, 1 with errors in the document, 2 for a wrong command
line or a FILE that cannot be read, 3 for an unexpected failure.
`;

/**
 * Runs `ideas-sync parse`.
 * @param args the arguments after "parse"
 * @returns the exit status
 */
export async function parseCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    strict: true,
    options: {
      ...FORMAT_OPTIONS,
      json: { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  if (values.help) {
    io.stdout(PARSE_USAGE);
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError("parse takes exactly one FILE");
  const path = positionals[0] as string;
  const options = documentOptionsFromFlags(values, path);
  const content = await io.readFile(path);
  const document = await readDocumentLazily(content, options, await loadParser(options.format));
  io.stdout(
    values.json
      ? JSON.stringify(documentJson(document), null, 2) + "\n"
      : formatDocumentText(path, document),
  );
  if (document.sections.every((section) => section.ideas.length === 0)) {
    const { explainNoIdeas } = await import("./explain-no-ideas.js");
    io.stderr(explainNoIdeas(path, content, options) + "\n");
  }
  return document.diagnostics.some((d) => d.severity === "error") ? 1 : 0;
}
