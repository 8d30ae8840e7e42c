/**
 * A problem with what a command was given to read, as opposed to how it was called.
 */

/**
 * Thrown when an input file, folder, repository or configuration cannot be
 * used. The command prints the message as one line, without the usage (the
 * command line itself was fine), and exits with status 2.
 */
export class DataError extends Error {
  override name = "DataError";
}
