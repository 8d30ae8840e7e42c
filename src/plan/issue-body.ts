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
const END_ALL = /<!-- ideas-sync:end (\{[^\n]*?\}) -->/g;
// What document text or people's text must never contain verbatim: with a
// word joiner inside, it reads the same and is no longer a marker.
const MARKER_WORDS = /ideas-sync:(begin|end)/g;
const NEUTRAL = "ideas\u2060-sync:$1";
// The last line of every region ideas-sync writes (see issueContent).
const FOOTER_END = "edit the document.</sub>";

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
  /**
   * True when the body has no marker but still shows that ideas-sync wrote
   * it: a begin line or the region's source line is left.
   */
  remnant: boolean;
  /** For a body without a marker: the document its region's source line names, if any. */
  remnantPath: string | null;
}

interface Region {
  marker: Marker;
  /** Where the begin line starts (-1 when it was deleted) and the end line ends. */
  begin: number;
  endStart: number;
  endStop: number;
  intact: boolean;
}

/**
 * Reads the marker and region of an issue body. When people pasted another
 * issue's body, the body holds several regions: the one that counts is the
 * last one still as ideas-sync wrote it (its recorded hash matches), else the
 * last well-formed one. When the end line is gone, the body has no marker;
 * a begin line left behind is cut out with the old region text, up to the
 * region's source line, so that a restored region does not repeat it.
 * @param body the issue body (null for none)
 */
export function readIssueBody(body: string | null): ReadBody {
  // Bodies edited in a browser come back with CRLF line ends.
  const raw = body ?? "";
  const text = raw.includes("\r") ? raw.replace(/\r\n?/g, "\n") : raw;
  const regions = findRegions(text);
  const chosen =
    regions.findLast((region) => region.intact) ??
    regions.findLast((region) => region.begin !== -1) ??
    regions.at(-1);
  if (!chosen) return readUnmarked(text);
  const { marker } = chosen;
  // A person may have deleted the begin line. Where the region began is then
  // unknown, so all the text above the end is kept as theirs (an old copy of
  // the idea's text may stay in it), and a new region is written after it.
  const regionStart = chosen.begin === -1 ? chosen.endStart : chosen.begin + BEGIN.length;
  const region = text.slice(regionStart, chosen.endStart);
  return {
    marker,
    before: neutraliseMarkers(text.slice(0, chosen.begin === -1 ? chosen.endStart : chosen.begin)),
    after: neutraliseMarkers(text.slice(chosen.endStop)),
    content: region.replace(/^\n/, "").replace(/\n$/, ""),
    damaged: !chosen.intact,
    remnant: true,
    remnantPath: null,
  };
}

/**
 * Writes a body: the text around the region kept, the region new. Marker
 * lines inside the content or the text around it are neutralised, so that
 * nothing but this region can be taken for one.
 * @param content what goes inside the region
 * @param marker the record to keep, without its region hash (computed here)
 * @param around the text people wrote around the region, if any
 */
export function writeIssueBody(
  content: string,
  marker: Omit<Marker, "region">,
  around: { before: string; after: string } = { before: "", after: "" },
): string {
  const region = `\n${neutraliseMarkers(content)}\n`;
  const record = { ...marker, region: regionHash(region) };
  // ">" is escaped so that no path or key can end the comment early.
  const json = JSON.stringify(record).replace(/>/g, "\\u003e").replace(/--/g, "-\\u002d");
  return `${neutraliseMarkers(around.before)}${BEGIN}${region}<!-- ideas-sync:end ${json} -->${neutraliseMarkers(around.after)}`;
}

function findRegions(text: string): Region[] {
  const regions: Region[] = [];
  let previousEnd = 0;
  for (const end of text.matchAll(END_ALL)) {
    const marker = parseMarker(end[1] as string);
    const endStart = end.index;
    const endStop = endStart + end[0].length;
    if (marker) {
      // A begin line belongs to this end only if no other end comes between.
      const found = text.lastIndexOf(BEGIN, endStart);
      const begin = found >= previousEnd ? found : -1;
      const region = begin === -1 ? "" : text.slice(begin + BEGIN.length, endStart);
      regions.push({
        marker,
        begin,
        endStart,
        endStop,
        intact: begin !== -1 && regionHash(region) === marker.region,
      });
    }
    previousEnd = endStop;
  }
  return regions;
}

// No end line: the body is people's, except for what is left of a region.
function readUnmarked(text: string): ReadBody {
  const begin = text.lastIndexOf(BEGIN);
  const footer = text.indexOf(FOOTER_END, begin === -1 ? 0 : begin);
  const source = footer === -1 ? null : footerPath(text.slice(0, footer));
  if (begin === -1) {
    return {
      marker: null,
      before: text,
      after: "",
      content: "",
      damaged: true,
      remnant: source !== null,
      remnantPath: source,
    };
  }
  const stop = footer === -1 ? begin + BEGIN.length : footer + FOOTER_END.length;
  return {
    marker: null,
    before: neutraliseMarkers(text.slice(0, begin)),
    after: neutraliseMarkers(text.slice(stop)),
    content: text
      .slice(begin + BEGIN.length, stop)
      .replace(/^\n/, "")
      .trimEnd(),
    damaged: true,
    remnant: true,
    remnantPath: source,
  };
}

// The path in a region's source line: [PATH, lines …](…/blob/SHA/PATH#L…).
function footerPath(text: string): string | null {
  const start = text.lastIndexOf("<sub>From [");
  if (start === -1) return null;
  const link = /\]\(https?:\/\/[^\s)]*?\/blob\/[0-9a-f]{7,40}\/([^\s)#]+)#L\d+/.exec(
    text.slice(start),
  );
  if (!link) return null;
  try {
    return (link[1] as string).split("/").map(decodeURIComponent).join("/");
  } catch {
    return null;
  }
}

/**
 * Makes marker words in text inert: they read the same, and no longer open
 * or close a region.
 * @param text document or people's text
 */
export function neutraliseMarkers(text: string): string {
  return text.includes("ideas-sync:") ? text.replace(MARKER_WORDS, NEUTRAL) : text;
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
      ...(typeof value.tracking === "string" ? { tracking: value.tracking } : {}),
      ...(Array.isArray(value.fields) && value.fields.every((label) => typeof label === "string")
        ? { fields: value.fields }
        : {}),
      ...(value.removed === true ? { removed: true } : {}),
      ...(typeof value.closes === "number" && Number.isSafeInteger(value.closes) && value.closes > 0
        ? { closes: value.closes }
        : {}),
    };
  } catch {
    return null;
  }
}
