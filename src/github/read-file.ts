/**
 * One file of a repository at a commit.
 */
import type { Octokit, RepoRef } from "./octokit.js";
import { requestFailure } from "./request-error.js";

/**
 * Documents larger than this are not read. Parsing stays fast far beyond it,
 * but Markdown parsing slows down sharply with thousands of lists, and no
 * ideas list comes near this size (Genode's is 40 kB).
 */
export const FILE_MAX_BYTES = 1_000_000;

/** A file's bytes, or why there are none. */
export type FileRead =
  | { kind: "file"; bytes: Uint8Array; blobSha: string }
  | { kind: "missing" }
  | { kind: "not-a-file"; type: string }
  | { kind: "too-large"; size: number };

/**
 * Reads a file at a commit with the contents API (one request). Its JSON
 * answer carries the size and blob SHA, so a file over the limit is refused
 * before its bytes are decoded.
 * @throws the request's error for anything but a 404
 */
export async function readFile(
  octokit: Octokit,
  repo: RepoRef,
  path: string,
  ref: string,
): Promise<FileRead> {
  let data: unknown;
  try {
    ({ data } = await octokit.rest.repos.getContent({ ...repo, path, ref }));
  } catch (error) {
    if (requestFailure(error).status === 404) return { kind: "missing" };
    throw error;
  }
  if (Array.isArray(data)) return { kind: "not-a-file", type: "dir" };
  const file = data as { type?: string; size?: number; sha?: string; content?: string };
  if (file.type !== "file") return { kind: "not-a-file", type: String(file.type) };
  const size = file.size ?? 0;
  if (size > FILE_MAX_BYTES || (size > 0 && !file.content)) return { kind: "too-large", size };
  return {
    kind: "file",
    bytes: new Uint8Array(Buffer.from(file.content ?? "", "base64")),
    blobSha: file.sha ?? "",
  };
}
