/**
 * Bytes → the text of a document.
 */
import type { Diagnostic } from "./types.js";

/**
 * Decodes a document as UTF-8, dropping a byte order mark. Invalid bytes
 * become U+FFFD with a warning at the first of them; NUL bytes mean the file
 * is no text document, which is an error.
 * @param bytes the file's content
 */
export function decodeDocument(bytes: Uint8Array): { text: string; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  let text = new TextDecoder("utf-8", { fatal: false, ignoreBOM: false }).decode(bytes);
  const invalid = text.indexOf("\uFFFD");
  if (invalid !== -1 && !isValidUtf8(bytes)) {
    diagnostics.push({
      ...where(text, invalid),
      severity: "warning",
      rule: "invalid-utf8",
      message: "this document is not valid UTF-8: invalid bytes are read as U+FFFD",
    });
  }
  const nul = text.indexOf("\u0000");
  if (nul !== -1) {
    diagnostics.push({
      ...where(text, nul),
      severity: "error",
      rule: "binary",
      message: "this document holds NUL bytes: it is not a text document",
    });
    text = text.replace(/\u0000/g, "\uFFFD");
  }
  return { text, diagnostics };
}

function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

function where(text: string, index: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf("\n"); i !== -1 && i < index; i = text.indexOf("\n", i + 1)) {
    line += 1;
    start = i + 1;
  }
  return { line, column: index - start + 1 };
}
