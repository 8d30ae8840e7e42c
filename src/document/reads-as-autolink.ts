/**
 * Whether `<text>` is a CommonMark autolink to a given URL.
 */

// CommonMark's absolute URI: a scheme of 2 to 32 characters, then anything
// but white space, control characters and angle brackets.
const URI = /^[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\u0000-\u0020<>\u007f]*$/;
// CommonMark's e-mail address, as its specification gives it.
const EMAIL =
  /^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$/;

// The scheme remark-stringify looks for before it writes `<url>`: letters,
// "+", "." and "-", no digits. It writes `<s3:x>` as `[s3:x](s3:x)`.
const REMARK_SCHEME = /^[a-z][a-z+.-]+:/i;

/**
 * Whether a link whose text is `text` is written `<text>`, and that reads
 * back as the same link. remark-stringify writes a link as `<text>` when its
 * text is its URL, or its URL without "mailto:", and its scheme has no
 * digits, but does not check that the result is an autolink: `<0@.A>` or
 * `<a:b>` read back as text in angle brackets. Where this says no, the link
 * is written `[text](url)`, which reads back as the link whatever its scheme.
 * @param url the link's destination
 * @param text the link's text
 */
export function readsAsAutolink(url: string, text: string): boolean {
  if (!REMARK_SCHEME.test(url)) return false;
  if (text === url) return URI.test(text);
  return `mailto:${text}` === url && EMAIL.test(text);
}
