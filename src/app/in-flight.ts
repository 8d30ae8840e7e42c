/**
 * The deliveries being worked on, for a shutdown to wait on and report.
 */

/** A delivery whose sync is running. */
export interface RunningDelivery {
  delivery: string;
  event: string;
  repository: string | null;
  /** When its work began (ms since the epoch). */
  since: number;
}

/**
 * Deliveries taken and not finished, and whether new ones are still taken.
 * Once `drain()` was called, the app answers new deliveries with 503 so that
 * they can be delivered again to the next process, and the running ones
 * finish (or are cut at the deadline, and named).
 */
export class InFlight {
  #draining = false;
  readonly #running = new Map<string, { entry: RunningDelivery; done: Promise<void> }>();

  /** Whether new deliveries are refused. */
  get draining(): boolean {
    return this.#draining;
  }

  /** Refuses new deliveries from now on. */
  drain(): void {
    this.#draining = true;
  }

  /** Keeps `run` (which must not reject) until it ends. */
  add(entry: RunningDelivery, run: Promise<void>): void {
    const done = run.finally(() => this.#running.delete(entry.delivery));
    this.#running.set(entry.delivery, { entry, done });
  }

  /** The deliveries still running. */
  list(): RunningDelivery[] {
    return [...this.#running.values()].map(({ entry }) => entry);
  }

  /**
   * Resolves when no delivery is running (an empty list), or at the
   * deadline with those still running.
   */
  async settle(deadlineMs: number): Promise<RunningDelivery[]> {
    let over = false;
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<void>((resolve) => {
      timer = setTimeout(() => {
        over = true;
        resolve();
      }, deadlineMs);
    });
    while (this.#running.size > 0 && !over)
      await Promise.race([
        Promise.all([...this.#running.values()].map(({ done }) => done)),
        deadline,
      ]);
    clearTimeout(timer);
    return this.list();
  }
}
