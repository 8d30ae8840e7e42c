/**
 * Appending many items to an array.
 */

/**
 * Appends `items` to `target` one by one: `target.push(...items)` passes every
 * item as an argument and overflows the stack for very large arrays.
 * @returns target
 */
export function appendAll<T>(target: T[], items: readonly T[]): T[] {
  for (const item of items) target.push(item);
  return target;
}
