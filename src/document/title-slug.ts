/**
 * The default key of an idea.
 */
import { slug } from "github-slugger";

// github-slugger keeps, of ASCII, letters (lower-cased), digits, "_", "-"
// and spaces (made hyphens). Its pattern for all of Unicode is slow to run
// on every title, and most titles are ASCII.
const ASCII = /^[\u0000-\u007f]*$/;
const DROPPED_ASCII = /[^a-z0-9 _-]/g;

/**
 * The GitHub-style slug of a title, as GitHub makes heading anchors:
 * lower case, punctuation dropped, spaces to hyphens. A title with no letter
 * or digit slugs to "idea".
 * @param title plain-text title
 */
export function titleSlug(title: string): string {
  const ascii = asciiSlug(title);
  if (ascii !== null) return ascii;
  if (ASCII.test(title)) {
    const result = title.toLowerCase().replace(DROPPED_ASCII, "").replace(/ /g, "-");
    return /[a-z0-9]/.test(result) ? result : "idea";
  }
  const result = slug(title);
  return /[\p{L}\p{N}]/u.test(result) ? result : "idea";
}

// The characters of a slug being made, reused from title to title.
const slugCodes = new Uint16Array(512);

/**
 * The slug of a title of ASCII characters, made in one pass (the patterns
 * took a fifth of assigning keys to a large document's ideas); null for a
 * title with another character, or too long to make here.
 */
function asciiSlug(title: string): string | null {
  if (title.length > slugCodes.length) return null;
  let length = 0;
  let letterOrDigit = false;
  for (let index = 0; index < title.length; index += 1) {
    let code = title.charCodeAt(index);
    if (code >= 128) return null;
    if (code >= 65 && code <= 90) code += 32;
    if ((code >= 97 && code <= 122) || (code >= 48 && code <= 57)) {
      letterOrDigit = true;
      slugCodes[length++] = code;
    } else if (code === 32) {
      slugCodes[length++] = 45;
    } else if (code === 95 || code === 45) {
      slugCodes[length++] = code;
    }
  }
  if (!letterOrDigit) return "idea";
  // apply takes the codes as they are; spreading them iterates (four times slower).
  return String.fromCharCode.apply(null, slugCodes.subarray(0, length) as unknown as number[]);
}
