/**
 * White space as GOSH counts it: spaces only. (JavaScript's trim also takes
 * tabs, no-break spaces and byte order marks, which GOSH treats as text.)
 */

/** The length of `text` without its trailing spaces. */
export function endOfText(text: string): number {
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 32) end -= 1;
  return end;
}
