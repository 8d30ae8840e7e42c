/**
 * The default key of an idea.
 */
import { slug } from "github-slugger";

/**
 * The GitHub-style slug of a title, as GitHub makes heading anchors:
 * lower case, punctuation dropped, spaces to hyphens. A title with no letter
 * or digit slugs to "idea".
 * @param title plain-text title
 */
export function titleSlug(title: string): string {
  const result = slug(title);
  return /[\p{L}\p{N}]/u.test(result) ? result : "idea";
}
