/**
 * Reading a file a command was given, with failures as one-line messages.
 */
import { DataError } from "./data-error.js";

// Node's own messages ("EISDIR: illegal operation on a directory, read")
// name neither the file nor what to do; these say both in the user's terms.
const REASONS: Record<string, string> = {
  ENOENT: "no such file",
  EISDIR: "it is a folder, not a file",
  EACCES: "permission denied",
  EPERM: "permission denied",
  ENOTDIR: "a part of the path is not a folder",
};

/**
 * Reads a file with `read`, turning the errors of a missing file, a folder
 * and the like into a DataError that names the path.
 * @param path the file, as the user gave it
 * @param read how to read it (the file system, or a test's stand-in)
 * @throws DataError "cannot read PATH: REASON"
 */
export async function readInputFile(
  path: string,
  read: (path: string) => Promise<Uint8Array>,
): Promise<Uint8Array> {
  try {
    return await read(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException | null)?.code;
    const reason =
      (code && REASONS[code]) ?? (error instanceof Error ? error.message : String(error));
    throw new DataError(`cannot read ${path}: ${reason}`);
  }
}
