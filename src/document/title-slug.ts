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
  if (ASCII.test(title)) {
    const result = title.toLowerCase().replace(DROPPED_ASCII, "").replace(/ /g, "-");
    return /[a-z0-9]/.test(result) ? result : "idea";
  }
  const result = slug(title);
  return /[\p{L}\p{N}]/u.test(result) ? result : "idea";
}
