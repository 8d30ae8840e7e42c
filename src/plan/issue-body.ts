/**
 * The part of an issue body ideas-sync owns: a marked region.
 *
 *     text people wrote (kept)
 *     <!-- ideas-sync:begin -->
 *     the idea's text, and a line linking its source
 *     <!-- ideas-sync:end {"path":…,"key":…,"hash":…,"region":…} -->
 *     text people wrote (kept)
 */
import { createHash } from "node:crypto";
import type { Marker } from "./types.js";

const BEGIN = "<!-- ideas-sync:begin -->";
const END = /<!-- ideas-sync:end (\{[^\n]*?\}) -->/;
const END_ALL = new RegExp(END.source, "g");

/** A body split into its region and the text around it. */
export interface ReadBody {
  marker: Marker | null;
  /** The text before and after the region (the whole body when there is none). */
  before: string;
  after: string;
  /** The text inside the region, as it is now. */
  content: string;
  /** True when the region is missing, malformed, or not as ideas-sync wrote it. */
  damaged: boolean;
}

/**
 * Reads the marker and region of an issue body.
 * @param body the issue body (null for none)
 */
export function readIssueBody(body: string | null): ReadBody {
  // Bodies edited in a browser come back with CRLF line ends.
  const raw = body ?? "";
  const text = raw.includes("\r") ? raw.replace(/\r\n?/g, "\n") : raw;
  const end = END.exec(text);
  const marker = end ? parseMarker(end[1] as string) : null;
  if (!end || !marker) return { marker: null, before: text, after: "", content: "", damaged: true };
  // A person may have deleted the begin line. Where the region began is then
  // unknown, so all the text above the end is kept as theirs (an old copy of
  // the idea's text may stay in it), and a new region is written after it.
  const begin = text.lastIndexOf(BEGIN, end.index);
  const region = begin === -1 ? "" : text.slice(begin + BEGIN.length, end.index);
  const before = begin === -1 ? text.slice(0, end.index) : text.slice(0, begin);
  const after = text.slice(end.index + end[0].length);
  return {
    marker,
    // Stray markers outside the region are dropped.
    before: before.includes(BEGIN) ? before.split(BEGIN).join("") : before,
    after: after.includes("<!-- ideas-sync:end ") ? after.replace(END_ALL, "") : after,
    content: region.replace(/^\n/, "").replace(/\n$/, ""),
    damaged: begin === -1 || regionHash(region) !== marker.region,
  };
}

/**
 * Writes a body: the text around the region kept, the region new.
 * @param content what goes inside the region
 * @param marker the record to keep, without its region hash (computed here)
 * @param around the text people wrote around the region, if any
 */
export function writeIssueBody(
  content: string,
  marker: Omit<Marker, "region">,
  around: { before: string; after: string } = { before: "", after: "" },
): string {
  const region = `\n${content}\n`;
  const record = { ...marker, region: regionHash(region) };
  // ">" is escaped so that no path or key can end the comment early.
  const json = JSON.stringify(record).replace(/>/g, "\\u003e").replace(/--/g, "-\\u002d");
  return `${around.before}${BEGIN}${region}<!-- ideas-sync:end ${json} -->${around.after}`;
}

function regionHash(region: string): string {
  const text = region.includes("\r") ? region.replace(/\r\n?/g, "\n") : region;
  return createHash("sha256").update(text.trim()).digest("hex").slice(0, 16);
}

function parseMarker(json: string): Marker | null {
  try {
    const value = JSON.parse(json) as Partial<Marker>;
    if (
      typeof value.path !== "string" ||
      typeof value.key !== "string" ||
      typeof value.hash !== "string"
    )
      return null;
    return {
      path: value.path,
      key: value.key,
      hash: value.hash,
      region: typeof value.region === "string" ? value.region : "",
      ...(typeof value.section === "string" || value.section === null
        ? { section: value.section }
        : {}),
      ...(value.removed === true ? { removed: true } : {}),
    };
  } catch {
    return null;
  }
}
