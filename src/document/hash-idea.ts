/**
 * The digest of an idea's text, for change detection.
 */
import { hash } from "node:crypto";

/**
 * Digests title and body: equal exactly when both are equal. 16 hex digits
 * (64 bits) are plenty to tell versions of one idea apart.
 * @param title plain-text title
 * @param markdown rendered body
 */
export function hashIdea(title: string, markdown: string): string {
  // The one-shot hash: a Hash object per idea was a twentieth of reading a
  // large document. Same digest as createHash("sha256").update(…).
  return hash("sha256", JSON.stringify([title, markdown]), "hex").slice(0, 16);
}
