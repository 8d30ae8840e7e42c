/**
 * The checks a plan must pass before anything is written.
 */
import type { DocumentConfig } from "../config/config-schema.js";
import type { IdeasDocument } from "../document/types.js";
import type { Block } from "./types.js";

/**
 * Blocks a plan when the document has errors or no ideas (a broken or
 * emptied document must not close every issue), or when it would close more
 * than the configured share of the open managed issues (25% by default; not
 * checked below 3 closes).
 * @returns the reasons, empty when the plan may be applied
 */
export function checkGuards(input: {
  document: IdeasDocument;
  closes: number;
  openManaged: number;
  config: DocumentConfig;
}): Block[] {
  const blocks: Block[] = [];
  const errors = input.document.diagnostics.filter((d) => d.severity === "error");
  if (errors.length > 0) {
    const first = errors[0] as (typeof errors)[number];
    blocks.push({
      rule: "document-errors",
      message: `the document has ${errors.length} error${errors.length === 1 ? "" : "s"} (first: line ${first.line}: ${first.message}); nothing is written until ${errors.length === 1 ? "it is" : "they are"} fixed`,
      confirm: null,
    });
  }
  const ideas = input.document.sections.reduce((sum, section) => sum + section.ideas.length, 0);
  if (ideas === 0) {
    blocks.push({
      rule: "no-ideas",
      message:
        "the document yields no ideas: nothing is written, so that no issue is closed by mistake",
      confirm: null,
    });
  }
  const { "max-close-share": share, "min-closes": minimum } = input.config.guards;
  if (input.closes >= Math.max(minimum, 1) && input.closes > share * input.openManaged) {
    blocks.push({
      rule: "too-many-closes",
      message: `this sync would close ${input.closes} of ${input.openManaged} open idea issues, more than the ${Math.round(share * 100)}% allowed at once`,
      confirm:
        "confirm this plan to apply it (the check run's Confirm button, or --force on the command line)",
    });
  }
  return blocks;
}
