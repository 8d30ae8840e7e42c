/**
 * Whether `<text>` is a CommonMark autolink to a given URL.
 */

// CommonMark's absolute URI: a scheme of 2 to 32 characters, then anything
// but white space, control characters and angle brackets.
const URI = /^[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\u0000-\u0020<>\u007f]*$/;
// CommonMark's e-mail address, as its specification gives it.
const EMAIL =
  /^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$/;

/**
 * Whether `<text>` reads back as a link to `url` whose text is `text`.
 * remark-stringify writes a link as `<text>` when its text is its URL, or
 * its URL without "mailto:", but does not check that the result is an
 * autolink: `<0@.A>` or `<a:b>` read back as text in angle brackets.
 * @param url the link's destination
 * @param text the link's text
 */
export function readsAsAutolink(url: string, text: string): boolean {
  if (text === url) return URI.test(text);
  return `mailto:${text}` === url && EMAIL.test(text);
}
