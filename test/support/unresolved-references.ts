/**
 * A document that repeats one diagnostic many times.
 */

/**
 * A GOSH document with one idea holding `n` references to no heading: `n`
 * unresolved-reference warnings, on lines 6, 8, 10 ….
 * @param n how many
 */
export function unresolvedReferences(n: number): string {
  const lines = ["Chapter", "#######", "", ":Idea:", ""];
  for (let i = 0; i < n; i += 1) lines.push(`  See [nowhere ${i}].`, "");
  return lines.join("\n");
}
