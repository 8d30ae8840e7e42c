/**
 * How a run's lines reach Probot's log.
 */
import type { Logger } from "probot";

/**
 * The `log` a run is given: a line with an `err` (a failed request, a sync
 * GitHub stopped) is logged at error level, where an operator's alerts
 * look; the rest (what was written, and why) at info level.
 */
export function runLog(log: Logger): (fields: Record<string, unknown>, message: string) => void {
  return (fields, message) => {
    if (fields.err === undefined) log.info(fields, message);
    else log.error(fields, message);
  };
}
