/**
 * One run at a time per repository.
 */

/**
 * Runs jobs one after another per key (a repository), and in parallel
 * across keys. A failed job does not stop the ones queued behind it.
 */
export class RepositoryQueue {
  readonly #tails = new Map<string, Promise<unknown>>();
  readonly #latest = new Map<string, number>();
  readonly #skipped = new Set<string>();
  #tickets = 0;

  /**
   * Queues a job behind the key's running and waiting jobs.
   * @returns the job's result, once it has run
   */
  run<T>(key: string, job: () => Promise<T>): Promise<T> {
    const previous = this.#tails.get(key) ?? Promise.resolve();
    const result = previous.then(job, job);
    const tail = result.then(
      () => undefined,
      () => undefined,
    );
    this.#tails.set(key, tail);
    void tail.then(() => {
      if (this.#tails.get(key) === tail) this.#tails.delete(key);
    });
    return result;
  }

  /**
   * Takes a ticket for a push to a branch: a run holding a ticket that is no
   * longer the newest for its branch is moot, since the newer push's run
   * reads the whole document anyway.
   */
  ticket(branch: string): number {
    this.#tickets += 1;
    this.#latest.set(branch, this.#tickets);
    return this.#tickets;
  }

  /**
   * Whether a newer push to the branch came in after this ticket was taken.
   * A superseded push is remembered: the run that syncs instead must not
   * rely on its own push's files alone.
   */
  superseded(branch: string, ticket: number): boolean {
    const moot = (this.#latest.get(branch) ?? ticket) !== ticket;
    if (moot) this.#skipped.add(branch);
    return moot;
  }

  /** Notes that pushes to the branch were skipped elsewhere (coalesced in a job queue). */
  skip(branch: string): void {
    this.#skipped.add(branch);
  }

  /** Whether pushes to the branch were skipped since this was last asked. */
  takeSkipped(branch: string): boolean {
    return this.#skipped.delete(branch);
  }
}
