/**
 * The digest of an idea's text, for change detection.
 */
import { createHash } from "node:crypto";

/**
 * Digests title and body: equal exactly when both are equal. 16 hex digits
 * (64 bits) are plenty to tell versions of one idea apart.
 * @param title plain-text title
 * @param markdown rendered body
 */
export function hashIdea(title: string, markdown: string): string {
  return createHash("sha256")
    .update(JSON.stringify([title, markdown]))
    .digest("hex")
    .slice(0, 16);
}
