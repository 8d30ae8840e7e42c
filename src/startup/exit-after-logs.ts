/**
 * Exiting without losing the last log lines.
 */

/**
 * Exits with `code` once the log lines written so far are out: Probot's
 * logger passes each line through a stream before it reaches stdout, so a
 * line logged just before `process.exit` could be lost, and the one naming
 * unfinished syncs is the one an operator needs. Stream steps run on ticks
 * and immediates; two rounds of immediates let them all run.
 * @param code the exit status
 */
export function exitAfterLogs(code: number): void {
  setImmediate(() => setImmediate(() => process.stdout.write("", () => process.exit(code))));
}
