/**
 * Webhook deliveries already handled.
 */

/**
 * Remembers the last deliveries' ids (GitHub redelivers with the same
 * `X-GitHub-Delivery`), so that a redelivery changes nothing.
 */
export class SeenDeliveries {
  readonly #ids = new Set<string>();

  constructor(readonly capacity = 10_000) {}

  /**
   * Notes a delivery.
   * @returns false when it was seen before
   */
  add(id: string): boolean {
    if (this.#ids.has(id)) return false;
    this.#ids.add(id);
    if (this.#ids.size > this.capacity) {
      const oldest = this.#ids.values().next().value;
      if (oldest !== undefined) this.#ids.delete(oldest);
    }
    return true;
  }
}
