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
  // Per rule: how many were recorded, and how many of those are listed.
  readonly #counts = new Map<string, number>();
  readonly #listed = new Map<string, number>();

  /**
   * Records a problem.
   * @param line 1-based line
   * @param column 1-based column
   */
  add(line: number, column: number, severity: Severity, rule: string, message: string): void {
    this.#counts.set(rule, (this.#counts.get(rule) ?? 0) + 1);
    const listed = this.#listed.get(rule) ?? 0;
    if (listed < PER_RULE_LIMIT) {
      this.#listed.set(rule, listed + 1);
      this.#list.push({ line, column, severity, rule, message });
    }
  }

  /**
   * Records the diagnostics of an earlier stage, another collector's
   * toArray(): its notes count the diagnostics they stand for, but take no
   * place in the list, so that a rule still lists 50 and gets one note with
   * its whole rest.
   */
  addAll(diagnostics: readonly Diagnostic[]): void {
    for (const { line, column, severity, rule, message, omitted } of diagnostics) {
      if (omitted === undefined) this.add(line, column, severity, rule, message);
      else this.#counts.set(rule, (this.#counts.get(rule) ?? 0) + omitted);
    }
  }

  /**
   * The diagnostics in line order, with a note per rule that overflowed
   * after its last listed one (the sort keeps equal places in order).
   */
  toArray(): Diagnostic[] {
    const result = [...this.#list];
    for (const [rule, count] of this.#counts) {
      const omitted = count - (this.#listed.get(rule) ?? 0);
      if (omitted > 0) {
        // After the last one listed: the list reads 50, then the rest.
        const last = this.#list.findLast((d) => d.rule === rule);
        result.push({
          line: last?.line ?? 1,
          column: last?.column ?? 1,
          severity: last?.severity ?? "info",
          rule,
          message: `${omitted} more of these are not listed`,
          omitted,
        });
      }
    }
    return result.sort((a, b) => a.line - b.line || a.column - b.column);
  }
}
