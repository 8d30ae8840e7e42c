/**
 * Texts cut to a size in bytes, for GitHub's limits that count bytes.
 */

/**
 * The text itself when its UTF-8 encoding fits in `max` bytes; otherwise as
 * much of it as fits with `note` after it, cut between characters (never
 * inside one, which would leave a replacement character), the note included
 * in the count.
 * @param text the text to fit
 * @param max the limit, in bytes of UTF-8
 * @param note what ends a text that was cut
 */
export function cutToBytes(text: string, max: number, note = ""): string {
  const bytes = Buffer.from(text, "utf8");
  if (bytes.length <= max) return text;
  let end = Math.max(0, max - Buffer.byteLength(note, "utf8"));
  // Bytes 10xxxxxx continue a character: step back to where one begins.
  while (end > 0 && ((bytes[end] as number) & 0xc0) === 0x80) end -= 1;
  return bytes.subarray(0, end).toString("utf8") + note;
}
