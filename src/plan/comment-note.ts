/**
 * A hidden note in each comment ideas-sync writes, naming the event it is
 * about, so that a comment is written once per event whatever fails between
 * the comment and the write that follows it.
 */
import { createHash } from "node:crypto";

const NOTE = /<!-- ideas-sync:note ([\w:.-]+) -->/;

/**
 * A comment's text with its note. The event is one close, reopen or rename:
 * `close:KEY:N` for the Nth close, `reopen:KEY:N` after it,
 * `rename:KEY:HASH` for a rename from one title to another.
 * @param text the comment people read
 * @param event what the comment is about
 */
export function withNote(text: string, event: string): string {
  return `${text}\n\n<!-- ideas-sync:note ${event.replace(/[^\w:.-]/g, "_")} -->`;
}

/**
 * The event a comment's note names, or null when it has none.
 * @param body a comment's body
 */
export function noteOf(body: string): string | null {
  return NOTE.exec(body)?.[1] ?? null;
}

/**
 * A short digest of a rename, for its event.
 * @param from the old title
 * @param to the new title
 */
export function renameDigest(from: string, to: string): string {
  return createHash("sha256")
    .update(JSON.stringify([from, to]))
    .digest("hex")
    .slice(0, 12);
}
