/**
 * Runs that go on after the webhook was answered.
 */

/**
 * Keeps track of the handlers still running. GitHub gives up on a delivery
 * after 10 seconds and a sync that creates many issues takes longer, so the
 * app answers at once and works on; tests and shutdown wait for `idle()`.
 */
export class PendingRuns {
  readonly #running = new Set<Promise<void>>();

  /**
   * Lets a run go on in the background. Its failure is passed to `onError`,
   * never left unhandled.
   */
  track(run: Promise<void>, onError: (error: unknown) => void): void {
    const tracked = run.catch(onError).finally(() => this.#running.delete(tracked));
    this.#running.add(tracked);
  }

  /** How many runs are going on. */
  get size(): number {
    return this.#running.size;
  }

  /** Resolves once no run is left, including runs started meanwhile. */
  async idle(): Promise<void> {
    while (this.#running.size > 0) await Promise.all([...this.#running]);
  }
}
