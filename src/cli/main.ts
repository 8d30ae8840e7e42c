/**
 * The `ideas-sync` command line.
 */
import { readFile } from "node:fs/promises";
import { PARSE_USAGE, parseCommand } from "./parse-command.js";
import { PLAN_USAGE, planCommand } from "./plan-command.js";
import { REPLAY_USAGE, replayCommand } from "./replay-command.js";
import { DataError } from "./data-error.js";
import type { Io } from "./io.js";
import { readInputFile } from "./read-input-file.js";
import { UsageError } from "./usage-error.js";

const USAGE = `Usage: ideas-sync COMMAND [options]

Commands:
  parse FILE    list the sections and ideas of an ideas document, and its problems
  plan          show what syncing a document would write to a set of issues
  replay        sync a document's revisions into issues held in memory

Run "ideas-sync COMMAND --help" for a command's options.
`;

const COMMANDS: Record<
  string,
  { run: (args: string[], io: Io) => Promise<number>; usage: string }
> = {
  parse: { run: parseCommand, usage: PARSE_USAGE },
  plan: { run: planCommand, usage: PLAN_USAGE },
  replay: { run: replayCommand, usage: REPLAY_USAGE },
};

/**
 * Runs the command line.
 * @param argv the arguments after the program name
 * @param io output streams, and file access (default: the file system)
 * @returns the exit status: 0 success, 1 problems found (document errors, a
 *   blocked plan), 2 a wrong command line or input that cannot be used, 3 an
 *   unexpected failure. Every failure is reported on one line of stderr; a
 *   wrong command line is followed by the usage.
 */
export async function main(
  argv: string[],
  io: Pick<Io, "stdout" | "stderr"> & Partial<Pick<Io, "readFile">>,
): Promise<number> {
  const read = io.readFile ?? ((path: string) => readFile(path));
  const full: Io = { ...io, readFile: (path) => readInputFile(path, read) };
  const [name, ...args] = argv;
  if (name === undefined) {
    full.stderr(`ideas-sync: no command given\n\n${USAGE}`);
    return 2;
  }
  if (name === "--help" || name === "-h" || name === "help") {
    full.stdout(USAGE);
    return 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    full.stderr(`ideas-sync: unknown command "${name}"\n\n${USAGE}`);
    return 2;
  }
  try {
    return await command.run(args, full);
  } catch (error) {
    if (error instanceof UsageError || isArgumentError(error)) {
      full.stderr(`ideas-sync ${name}: ${oneLine(error)}\n\n${command.usage}`);
      return 2;
    }
    if (error instanceof DataError) {
      full.stderr(`ideas-sync ${name}: ${oneLine(error)}\n`);
      return 2;
    }
    // A bug, not a mistake of the user's: still one line, and a status of
    // its own so that scripts can tell it from bad input.
    full.stderr(`ideas-sync ${name}: unexpected failure: ${oneLine(error)}\n`);
    return 3;
  }
}

// node:util parseArgs reports unknown or malformed options with these codes.
function isArgumentError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && code.startsWith("ERR_PARSE_ARGS_");
}

// Messages of git or of the runtime may span lines; the report is one.
function oneLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/\s*\n\s*/g, "; ").trim();
}
