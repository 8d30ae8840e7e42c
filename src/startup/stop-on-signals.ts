/**
 * Stopping without losing track of work: `docker stop`, Kubernetes, Ctrl-C.
 */
import { exitAfterLogs } from "./exit-after-logs.js";
import { onStopSignals } from "./on-stop-signals.js";
import type { Logger } from "probot";
import type { InFlight } from "../app/in-flight.js";

/**
 * On SIGTERM or SIGINT: new deliveries are answered 503 (GitHub keeps them,
 * to deliver again), running syncs get `graceMs` to finish, and the process
 * exits 0. Syncs still running at the deadline are cut: the log names them
 * at error level and the process exits 1. Cutting one leaves nothing the
 * next run cannot finish, since every sync plans again from the issues as
 * GitHub has them. A second signal stops at once, the same way.
 */
export function stopOnSignals(
  inFlight: InFlight,
  log: Logger,
  graceMs: number,
  exit: (code: number) => void = exitAfterLogs,
): void {
  const cut = (signal: string, reason: string): void => {
    const now = Date.now();
    const left = inFlight.list().map((run) => ({
      ...run,
      runningSeconds: Math.round((now - run.since) / 1000),
    }));
    if (left.length === 0) {
      log.info({ signal }, "stopped: every sync finished");
      exit(0);
      return;
    }
    log.error(
      { signal, left },
      `stopped ${reason} with ${left.length} sync${left.length === 1 ? "" : "s"} unfinished (${left.map((run) => `${run.event} ${run.delivery}${run.repository ? ` for ${run.repository}` : ""}`).join(", ")}): the next push, "Try again" or /ideas-sync sync finishes them`,
    );
    exit(1);
  };
  onStopSignals(
    (signal) => {
      inFlight.drain();
      log.info(
        { signal, running: inFlight.list().length, graceSeconds: graceMs / 1000 },
        `${signal}: new deliveries are answered 503; waiting up to ${graceMs / 1000} s for ${inFlight.list().length} running`,
      );
      void inFlight.settle(graceMs).then(() => cut(signal, "at the deadline"));
    },
    (signal) => cut(signal, "by a second signal"),
  );
}
