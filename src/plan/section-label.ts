/**
 * The label of a section.
 */
import { LABEL_MAX, type DocumentConfig } from "../config/config-schema.js";
import { shorten } from "./shorten.js";

/**
 * The label triage finds a section's ideas by: the name the configuration
 * gives it, or the prefix and the section title, cut to GitHub's 50
 * characters. Null for no section, or a section configured to have none.
 * @param section the section title
 * @param config the document's settings
 */
export function sectionLabel(section: string | null, config: DocumentConfig): string | null {
  if (section === null) return null;
  const named = config["section-labels"].names[section];
  if (named === false) return null;
  if (named !== undefined) return named;
  const label = (config["section-labels"].prefix + section).trim();
  return shorten(label, LABEL_MAX);
}
