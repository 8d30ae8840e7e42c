/**
 * Texts cut to a number of characters, as GitHub's limits count them.
 */

/**
 * The text itself when it has at most `max` UTF-16 units (never fewer
 * characters than GitHub counts); otherwise cut to `max` with "…" at the
 * end, and never between the two halves of an emoji, which would leave half
 * a character that UTF-8 cannot carry.
 * @param text a title or a name
 * @param max the limit
 */
export function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  return (
    text
      .slice(0, max - 1)
      .replace(/[\uD800-\uDBFF]$/, "")
      .trimEnd() + "\u2026"
  );
}
