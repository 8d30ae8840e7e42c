/**
 * The key an `ideas-sync:` comment pins, in either format.
 */

// key=<letters, digits, "-" and "_">
const PIN_KEY = /^key\s*=\s*([\p{L}\p{N}_-]{1,100})$/u;

/**
 * Reads `key=<key>` from what follows `ideas-sync:` in a GOSH `;` comment or
 * a Markdown `<!-- -->` comment.
 * @returns the key, or null when the text is no valid pin
 */
export function readPinKey(directive: string): string | null {
  return PIN_KEY.exec(directive.trim())?.[1] ?? null;
}
