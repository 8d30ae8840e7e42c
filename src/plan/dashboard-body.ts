/**
 * The part of a dashboard issue's body ideas-sync owns: a marked region.
 *
 *     text people wrote (kept)
 *     <!-- ideas-sync:dashboard-begin -->
 *     the list of ideas
 *     <!-- ideas-sync:dashboard-end {"path":…,"region":…} -->
 *     text people wrote (kept)
 *
 * Its words differ from an idea issue's region, so that no idea issue is
 * taken for a dashboard and no dashboard for an idea issue.
 */
import { createHash } from "node:crypto";
import { neutraliseMarkers } from "./issue-body.js";

const BEGIN = "<!-- ideas-sync:dashboard-begin -->";
const END = /<!-- ideas-sync:dashboard-end (\{[^\n]*?\}) -->/;
// What the list or people's text must never contain verbatim.
const MARKER_WORDS = /ideas-sync:dashboard-(begin|end)/g;

/** A dashboard body split into its region and the text around it. */
export interface DashboardBody {
  /** The document the dashboard lists. */
  path: string;
  before: string;
  after: string;
  /** True when the region is as ideas-sync wrote it. */
  intact: boolean;
}

/**
 * Reads a dashboard issue's body. Null when the body holds no dashboard
 * region (an idea issue, or any other issue).
 * @param body the issue body
 */
export function readDashboardBody(body: string | null | undefined): DashboardBody | null {
  const text = (body ?? "").replace(/\r\n?/g, "\n");
  const end = END.exec(text);
  if (!end) return null;
  let record: { path?: unknown; region?: unknown };
  try {
    record = JSON.parse(end[1] as string) as typeof record;
  } catch {
    return null;
  }
  if (typeof record.path !== "string") return null;
  const begin = text.lastIndexOf(BEGIN, end.index);
  const region = begin === -1 ? null : text.slice(begin + BEGIN.length, end.index);
  return {
    path: record.path,
    before: text.slice(0, begin === -1 ? end.index : begin),
    after: text.slice(end.index + end[0].length),
    intact: region !== null && regionHash(region) === record.region,
  };
}

/**
 * Writes a dashboard body: the text around the region kept, the region new.
 * @param content the list of ideas
 * @param path the document's path, recorded in the end line
 * @param around the text people wrote around the region, if any
 */
export function writeDashboardBody(
  content: string,
  path: string,
  around: { before: string; after: string } = { before: "", after: "" },
): string {
  const inert = (text: string) =>
    neutraliseMarkers(text).replace(MARKER_WORDS, "ideas\u2060-sync:dashboard-$1");
  const region = `\n${inert(content)}\n`;
  const json = JSON.stringify({ path, region: regionHash(region) })
    .replace(/>/g, "\\u003e")
    .replace(/--/g, "-\\u002d");
  return `${inert(around.before)}${BEGIN}${region}<!-- ideas-sync:dashboard-end ${json} -->${inert(around.after)}`;
}

function regionHash(region: string): string {
  return createHash("sha256").update(region.trim()).digest("hex").slice(0, 16);
}
