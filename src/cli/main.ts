/**
 * The `ideas-sync` command line.
 */
import { readFile } from "node:fs/promises";
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

interface Command {
  run: (args: string[], io: Io) => Promise<number>;
  usage: string;
}

// Each command is loaded when it runs: \`parse\` of a GOSH file needs neither
// the configuration's schema nor the Markdown parser, which take longer to
// load than the document takes to read.
const COMMANDS: Record<string, () => Promise<Command>> = {
  parse: async () => {
    const { PARSE_USAGE, parseCommand } = await import("./parse-command.js");
    return { run: parseCommand, usage: PARSE_USAGE };
  },
  plan: async () => {
    const { PLAN_USAGE, planCommand } = await import("./plan-command.js");
    return { run: planCommand, usage: PLAN_USAGE };
  },
  replay: async () => {
    const { REPLAY_USAGE, replayCommand } = await import("./replay-command.js");
    return { run: replayCommand, usage: REPLAY_USAGE };
  },
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
  const load = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!load) {
    full.stderr(`ideas-sync: unknown command "${name}"\n\n${USAGE}`);
    return 2;
  }
  const command = await load();
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
