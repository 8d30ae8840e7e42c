/**
 * The floor GitHub's secondary limits put under making content.
 */

/**
 * The fewest minutes in which `count` creations fit GitHub's secondary
 * limits: each made as early as the limits allow (greedy, which is optimal:
 * making one later never lets a later one go earlier). The first is made at
 * minute 0, so the figure is when the last one can be made.
 * @param count how many issues, comments and labels are created
 * @param limits creations allowed in any minute and in any hour
 */
export function fewestMinutes(
  count: number,
  limits: { perMinute: number; perHour: number },
): number {
  const times: number[] = [];
  for (let i = 0; i < count; i += 1) {
    const minuteAgo = times[i - limits.perMinute];
    const hourAgo = times[i - limits.perHour];
    times.push(
      Math.max(
        times[i - 1] ?? 0,
        minuteAgo === undefined ? 0 : minuteAgo + 60_000,
        hourAgo === undefined ? 0 : hourAgo + 3_600_000,
      ),
    );
  }
  return (times.at(-1) ?? 0) / 60_000;
}
