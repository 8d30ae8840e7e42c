/**
 * An idea as found in a tree, before it gets its key and rendering.
 */
import type { RootContent } from "mdast";

/** An idea's place and content in its document. */
export interface Entry {
  title: string;
  section: string | null;
  line: number;
  endLine: number;
  body: RootContent[];
  pinnedKey?: string;
  /** Column of the title, for diagnostics. */
  column: number;
}
