/**
 * A mistake in how a command was called.
 */

/** Thrown for a wrong command line; the command exits with status 2. */
export class UsageError extends Error {
  override name = "UsageError";
}
