/**
 * The descriptions of the labels ideas-sync creates.
 */

/** GitHub refuses label descriptions longer than this many characters. */
const DESCRIPTION_MAX = 100;

/**
 * `text` and the document's path, as a label's description, within GitHub's
 * 100 characters: a path too long loses its beginning to "…", since its end
 * (the file's name) says most.
 * @param text what the label is, such as "An idea from"
 * @param path the document's path
 */
export function labelDescription(text: string, path: string): string {
  const whole = `${text} ${path}`;
  // Characters as GitHub counts them: code points, so an emoji is not split.
  const characters = Array.from(whole);
  if (characters.length <= DESCRIPTION_MAX) return whole;
  const room = DESCRIPTION_MAX - Array.from(text).length - 2;
  if (room < 10) return characters.slice(0, DESCRIPTION_MAX - 1).join("") + "…";
  return `${text} …${Array.from(path).slice(-room).join("")}`;
}
