/**
 * Collects diagnostics for one document.
 */
import type { Diagnostic, Severity } from "./types.js";

/** At most this many diagnostics of one rule are kept; the rest are counted. */
const PER_RULE_LIMIT = 50;

/**
 * A collector that keeps at most 50 diagnostics per rule, so that a
 * document of garbage yields a readable report rather than millions of lines.
 */
export class Diagnostics {
  readonly #list: Diagnostic[] = [];
  readonly #counts = new Map<string, number>();

  /**
   * Records a problem.
   * @param line 1-based line
   * @param column 1-based column
   */
  add(line: number, column: number, severity: Severity, rule: string, message: string): void {
    const count = (this.#counts.get(rule) ?? 0) + 1;
    this.#counts.set(rule, count);
    if (count <= PER_RULE_LIMIT) this.#list.push({ line, column, severity, rule, message });
  }

  /** The diagnostics in line order, with a note per rule that overflowed. */
  toArray(): Diagnostic[] {
    const result = [...this.#list];
    for (const [rule, count] of this.#counts) {
      if (count > PER_RULE_LIMIT) {
        const first = this.#list.find((d) => d.rule === rule);
        result.push({
          line: first?.line ?? 1,
          column: first?.column ?? 1,
          severity: first?.severity ?? "info",
          rule,
          message: `${count - PER_RULE_LIMIT} more of these are not listed`,
        });
      }
    }
    return result.sort((a, b) => a.line - b.line || a.column - b.column);
  }
}
