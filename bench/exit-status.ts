/**
 * The bench's exit status.
 */
import type { Target } from "./target.js";

/**
 * 0 when every target is met, 1 when any is missed: a bench that misses its
 * own targets fails, so that CI and scripts notice without reading figures.
 * @param targets all targets of the run; none at all is a failed run
 */
export function exitStatus(targets: readonly Target[]): number {
  return targets.length > 0 && targets.every((t) => t.met) ? 0 : 1;
}
