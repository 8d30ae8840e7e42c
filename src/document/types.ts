/**
 * The data the document core produces: syntax trees, ideas and diagnostics.
 *
 * GOSH trees are mdast with three additions for GOSH description lists
 * (`:term:` entries, the construct ideas are written in). They are declared
 * here as mdast extensions so that mdast utilities accept them.
 */
import type { BlockContent, Parent, PhrasingContent, Root, RootContent } from "mdast";

/** A `:term:` list: consecutive description items. */
export interface DescriptionList extends Parent {
  type: "descriptionList";
  children: DescriptionItem[];
}

/** One `:term:` entry with its indented body. */
export interface DescriptionItem extends Parent {
  type: "descriptionItem";
  children: [DescriptionTerm, DescriptionDetails];
  /** A key pinned by a `; ideas-sync: key=…` comment directly above the term. */
  pinnedKey?: string;
}

/** The term of a description item, with inline markup. */
export interface DescriptionTerm extends Parent {
  type: "descriptionTerm";
  children: PhrasingContent[];
}

/** The body of a description item. */
export interface DescriptionDetails extends Parent {
  type: "descriptionDetails";
  children: Array<BlockContent | DescriptionList>;
}

declare module "mdast" {
  interface RootContentMap {
    descriptionList: DescriptionList;
    descriptionItem: DescriptionItem;
    descriptionTerm: DescriptionTerm;
    descriptionDetails: DescriptionDetails;
  }
  interface BlockContentMap {
    descriptionList: DescriptionList;
  }
  interface ListItemData {
    /** Set on GOSH `# ` enumeration items. */
    goshEnumeration?: boolean;
  }
  interface HeadingData {
    /** Set on the GOSH `Abstract` chapter, which never holds ideas. */
    goshAbstract?: boolean;
  }
  interface LinkData {
    /** Set on GOSH `[Heading title]` cross references. */
    goshCrossReference?: boolean;
  }
}

/** How bad a problem in a document is. Only errors stop a sync. */
export type Severity = "error" | "warning" | "info";

/** A problem found in a document, at a 1-based line and column. */
export interface Diagnostic {
  line: number;
  column: number;
  severity: Severity;
  /** A stable identifier of the rule, listed in docs/document-formats.md. */
  rule: string;
  message: string;
  /**
   * Set on the note that ends a rule's list when it fired more often than is
   * listed: how many of its diagnostics the note stands for.
   */
  omitted?: number;
}

/** The markup a document is written in. */
export type DocumentFormat = "gosh" | "markdown";

/** A parsed document before ideas are extracted from it. */
export interface ParsedDocument {
  format: DocumentFormat;
  title: string | null;
  /** The tree, without the top-level nodes handed to the parser's onNodes. */
  tree: Root;
  diagnostics: Diagnostic[];
}

/**
 * Text → tree. A parser may hand the tree's top-level nodes to `onNodes`
 * in runs while it reads, each run complete when handed (nothing read
 * later changes it), and leave them out of the tree it returns: a large
 * document's tree is then never whole in memory. Runs come in document
 * order, before the nodes left in the tree.
 */
export type DocumentParser = (
  text: string,
  onNodes?: (nodes: RootContent[]) => void,
) => ParsedDocument;

/**
 * Bodies → their Markdown, as renderMarkdown writes each: the writer of the
 * bodies that renderMarkdownEach cannot write without remark. Passed in,
 * like the parser, so that a caller loads remark's writer only for a
 * document that needs it.
 */
export type BodyWriter = (bodies: ReadonlyArray<readonly RootContent[]>) => string[];

/** One idea of the document: what one tracking issue is about. */
export interface Idea {
  /** Stable identifier: a pinned key or the GitHub-style slug of the title. */
  key: string;
  /** True when the key was pinned in the document. */
  pinned: boolean;
  /** Plain text, inline markup removed. */
  title: string;
  /** Title of the section the idea is in, or null. */
  section: string | null;
  /** 1-based first line of the entry (the term or heading). */
  line: number;
  /** 1-based last non-blank line of the entry. */
  endLine: number;
  /** The body as GitHub-flavoured Markdown. */
  markdown: string;
  /** Digest of title and body, for change detection. */
  hash: string;
  /**
   * The idea's fields (`Difficulty: Easy` and the like), in document order.
   * Always set by the document core; optional so that ideas made by hand
   * (tests, replays) need not list them.
   */
  fields?: Field[];
}

/** One `Name: value` fact stated in an idea's body (see readFields). */
export interface Field {
  /** The name as written, markup removed, without its colon. */
  name: string;
  /** The value as plain text, white space collapsed ("" when none is written). */
  value: string;
  /** 1-based line of the name. */
  line: number;
}

/** A section and its ideas, in document order. */
export interface Section {
  title: string | null;
  ideas: Idea[];
}

/** Everything ideas-sync reads from one document. */
export interface IdeasDocument {
  format: DocumentFormat;
  title: string | null;
  sections: Section[];
  diagnostics: Diagnostic[];
}

/** Where ideas and sections are in a document. */
export interface DocumentOptions {
  /** "auto" is resolved by the caller (see formatForPath). */
  format: DocumentFormat;
  /**
   * Heading depth whose titles name sections. Markdown: 1–5, 0 for no
   * sections (default: ideaDepth - 1). GOSH: 1 `###` chapter (default),
   * 2 `===`, 3 `~~~`, 4 `---`.
   */
  sectionDepth?: number;
  /** Markdown only: heading depth of ideas, 1–6 (default 3). */
  ideaDepth?: number;
}
