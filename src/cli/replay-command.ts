/**
 * `ideas-sync replay`: sync a document's history into issues in memory.
 */
import { basename } from "node:path";
import { parseArgs } from "node:util";
import { replayHistory, type Revision } from "../replay/replay-history.js";
import { replayJson } from "../replay/replay-json.js";
import type { Io } from "./io.js";
import { loadDocumentConfig } from "./load-document-config.js";
import { readGitRevisions } from "./read-git-revisions.js";
import { FORMAT_OPTIONS } from "./resolve-document-options.js";
import { UsageError } from "./usage-error.js";

/** Usage of `ideas-sync replay`. */
export const REPLAY_USAGE = `Usage: ideas-sync replay REV1 REV2 ... [--config FILE] [--force] [--json]
       ideas-sync replay --git DIR --path PATH [--config FILE] [--force] [--json]
                         [--format auto|gosh|markdown] [--section-depth N] [--idea-depth N]

Syncs successive revisions of a document (files, or every revision of PATH in
the git history of DIR) into issues held in memory, as ideas-sync would on each
push, and prints what each step did and the issues at the end.
  --force    confirm blocked plans (too many closes); a document with errors
             or without ideas is never applied
  --json     print {"steps": [...], "issues": [...]}
Exit status: 0, or 1 when a step stayed blocked, 2 for a wrong command line or
input that cannot be read (files, DIR, PATH), 3 for an unexpected failure.
`;

/**
 * Runs `ideas-sync replay`.
 * @returns the exit status
 */
export async function replayCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    strict: true,
    options: {
      git: { type: "string" },
      path: { type: "string" },
      config: { type: "string" },
      force: { type: "boolean", default: false },
      json: { type: "boolean", default: false },
      ...FORMAT_OPTIONS,
      help: { type: "boolean", short: "h", default: false },
    },
  });
  if (values.help) {
    io.stdout(REPLAY_USAGE);
    return 0;
  }
  let revisions: Revision[];
  let path: string;
  if (values.git !== undefined) {
    if (!values.path) throw new UsageError("--git DIR needs --path PATH");
    if (positionals.length > 0)
      throw new UsageError("give either revision files or --git, not both");
    path = values.path;
    revisions = await readGitRevisions(values.git, values.path);
  } else {
    if (positionals.length === 0)
      throw new UsageError("replay needs revision files, or --git DIR --path PATH");
    path = values.path ?? (positionals[positionals.length - 1] as string);
    revisions = [];
    for (const file of positionals)
      revisions.push({ name: basename(file), content: await io.readFile(file) });
  }
  const { config, options } = await loadDocumentConfig(io, values.config, path, values);
  const result = replayHistory(revisions, {
    config,
    options,
    path,
    repositoryUrl: "https://github.com/OWNER/REPO",
    force: values.force,
  });
  if (values.json) {
    io.stdout(JSON.stringify(replayJson(result), null, 2) + "\n");
  } else {
    for (const step of result.steps) {
      const would = step.applied ? "" : "would make ";
      const figures = `${would}${step.created} created, ${step.updated} updated, ${step.closed} closed, ${step.reopened} reopened, ${step.renamed} renamed: ${step.writes} writes`;
      const status = step.blocked
        ? step.applied
          ? " (blocked, confirmed with --force)"
          : ` BLOCKED: ${step.blocks.map((b) => b.message).join("; ")}${step.blocks.every((b) => b.confirm) ? " (--force confirms)" : ""}`
        : "";
      io.stdout(`${step.revision}: ${figures}${status}\n`);
    }
    const open = result.issues.filter((issue) => issue.state === "open").length;
    io.stdout(
      `\n${result.issues.length} issues: ${open} open, ${result.issues.length - open} closed\n`,
    );
    for (const issue of result.issues) {
      io.stdout(
        `  #${String(issue.number).padEnd(4)} ${issue.state.padEnd(6)} ${issue.title}${issue.section ? `  [${issue.section}]` : ""}\n`,
      );
    }
  }
  return result.steps.some((step) => !step.applied) ? 1 : 0;
}
