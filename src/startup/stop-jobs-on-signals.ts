/**
 * Stopping a replica that takes its work from the job queue.
 */
import { exitAfterLogs } from "./exit-after-logs.js";
import { onStopSignals } from "./on-stop-signals.js";
import type { Logger } from "probot";
import type { DurableJobs } from "../app/durable-jobs.js";

/**
 * On SIGTERM or SIGINT, with a database: deliveries are still taken and
 * stored (another replica runs them), no new job is taken, the running ones
 * get `graceMs` to finish, and the process exits 0. At the deadline, or on a
 * second signal, it exits 1 with jobs still running: they stay locked until
 * the replicas left see this one's connections gone and run them again.
 */
export function stopJobsOnSignals(
  jobs: DurableJobs,
  log: Logger,
  graceMs: number,
  exit: (code: number) => void = exitAfterLogs,
): void {
  const cut = (signal: string, reason: string): void => {
    log.error(
      { signal },
      `stopped ${reason} with jobs running: the other replicas run them again once this one is gone`,
    );
    exit(1);
  };
  const first = (signal: NodeJS.Signals): void => {
    log.info(
      { signal, graceSeconds: graceMs / 1000 },
      `${signal}: no new job is taken; waiting up to ${graceMs / 1000} s for the running ones`,
    );
    const deadline = setTimeout(() => cut(signal, "at the deadline"), graceMs);
    void jobs.stop().then(
      () => {
        clearTimeout(deadline);
        log.info({ signal }, "stopped: every job finished");
        exit(0);
      },
      (error: unknown) => {
        clearTimeout(deadline);
        log.error({ signal, err: String(error) }, "stopping the job queue failed");
        exit(1);
      },
    );
  };
  onStopSignals(first, (signal) => cut(signal, "by a second signal"));
}
