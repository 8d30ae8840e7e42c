/**
 * Plain text that names people without notifying them.
 */

// "@" not after a word character (an e-mail address), before a user or team name.
const MENTION = /(^|[^\p{L}\p{N}_.+-])@(?=[A-Za-z0-9])/gu;

/**
 * Puts a zero-width space after the "@" of every @user and @org/team in
 * text (not Markdown: every character is shown as it is). The text reads
 * the same, and GitHub no longer takes it for a mention, which would notify
 * that person or team each time ideas-sync writes it. E-mail addresses are
 * left alone. Idempotent.
 * @param text text as GitHub shows it
 */
export function breakMentions(text: string): string {
  return text.includes("@") ? text.replace(MENTION, "$1@\u200B") : text;
}
