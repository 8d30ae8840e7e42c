/**
 * What commands may do to the outside world.
 */

/** Output streams and file access, passed in so that commands can be tested in-process. */
export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  readFile: (path: string) => Promise<Uint8Array>;
}
