/**
 * A figure the bench holds to a bound.
 */

/** A figure, the bound it must keep, and whether it does. */
export interface Target {
  name: string;
  value: number;
  /** "<": under the bound; "<=": at most the bound; "=": exactly the bound. */
  comparison: "<" | "<=" | "=";
  bound: number;
  unit: string;
  /**
   * The share by which a wall-time figure may pass its bound and still meet
   * it (0.1: 10%), for the noise of a shared machine; 0 for all others.
   */
  tolerance: number;
  /** What the figure is compared with, measured in the same run, if anything. */
  floor: { name: string; value: number } | null;
  /** value / floor.value, when there is a floor. */
  ratio: number | null;
  met: boolean;
}

/** Optional parts of a target. */
export interface TargetOptions {
  /** See Target.tolerance; only wall-time targets should pass one. */
  tolerance?: number;
  /** See Target.floor. */
  floor?: { name: string; value: number };
}

/**
 * A target: whether `value` keeps `bound` by `comparison`, the bound widened
 * by the tolerance. A value that is not a number (a measurement that failed)
 * meets no target.
 * @param name what is measured
 * @param value the figure
 * @param comparison how it must compare to the bound
 * @param bound the bound
 * @param unit the unit of value and bound ("ms", "x", "writes")
 * @param options tolerance and floor
 */
export function target(
  name: string,
  value: number,
  comparison: Target["comparison"],
  bound: number,
  unit: string,
  options: TargetOptions = {},
): Target {
  const tolerance = options.tolerance ?? 0;
  if (tolerance < 0 || (tolerance > 0 && comparison === "="))
    throw new Error(
      `Cannot apply a tolerance of ${tolerance} to "${name}", expected one >= 0 on a bound`,
    );
  const widened = bound * (1 + tolerance);
  const met =
    Number.isFinite(value) &&
    (comparison === "<"
      ? value < widened
      : comparison === "<="
        ? value <= widened
        : value === bound);
  const floor = options.floor ?? null;
  return {
    name,
    value,
    comparison,
    bound,
    unit,
    tolerance,
    floor,
    ratio: floor && floor.value > 0 ? value / floor.value : null,
    met,
  };
}
