/**
 * The `ideas-sync` command line.
 */
import { readFile } from "node:fs/promises";
import { PARSE_USAGE, parseCommand } from "./parse-command.js";
import { PLAN_USAGE, planCommand } from "./plan-command.js";
import { REPLAY_USAGE, replayCommand } from "./replay-command.js";
import type { Io } from "./io.js";
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
 * @returns the exit status: 0 success, 1 problems found, 2 usage error
 */
export async function main(
  argv: string[],
  io: Pick<Io, "stdout" | "stderr"> & Partial<Pick<Io, "readFile">>,
): Promise<number> {
  const full: Io = { readFile: (path) => readFile(path), ...io };
  const [name, ...args] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    full.stdout(USAGE);
    return name === undefined ? 2 : 0;
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
      full.stderr(`ideas-sync ${name}: ${(error as Error).message}\n\n${command.usage}`);
      return 2;
    }
    if (isFileError(error)) {
      full.stderr(
        `ideas-sync ${name}: cannot read ${error.path}: ${error.code === "ENOENT" ? "no such file" : error.message}\n`,
      );
      return 2;
    }
    throw error;
  }
}

// node:util parseArgs reports unknown or malformed options with these codes.
function isArgumentError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && code.startsWith("ERR_PARSE_ARGS_");
}

function isFileError(error: unknown): error is NodeJS.ErrnoException & { path: string } {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).path === "string";
}
