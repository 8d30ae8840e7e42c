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
  met: boolean;
}

/**
 * A target: whether `value` keeps `bound` by `comparison`. A value that is
 * not a number (a measurement that failed) meets no target.
 * @param name what is measured
 * @param value the figure
 * @param comparison how it must compare to the bound
 * @param bound the bound
 * @param unit the unit of value and bound ("ms", "x", "writes")
 */
export function target(
  name: string,
  value: number,
  comparison: Target["comparison"],
  bound: number,
  unit: string,
): Target {
  const met =
    Number.isFinite(value) &&
    (comparison === "<" ? value < bound : comparison === "<=" ? value <= bound : value === bound);
  return { name, value, comparison, bound, unit, met };
}
