/**
 * The signals that ask a process to stop: `docker stop`, Kubernetes, Ctrl-C.
 */

/**
 * Calls `first` on the first SIGTERM or SIGINT, and `again` on each one
 * after it: a second signal asks to stop at once.
 * @param first starts stopping (typically: wait for running work, then exit)
 * @param again stops at once
 */
export function onStopSignals(
  first: (signal: NodeJS.Signals) => void,
  again: (signal: NodeJS.Signals) => void,
): void {
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals): void => {
    if (stopping) return again(signal);
    stopping = true;
    first(signal);
  };
  process.on("SIGTERM", onSignal);
  process.on("SIGINT", onSignal);
}
