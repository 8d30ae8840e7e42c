/**
 * The labels an idea's fields give it.
 */
import {
  FIELD_VALUE,
  LABEL_MAX,
  type DocumentConfig,
  type FieldLabelRule,
} from "../config/config-schema.js";
import type { Idea } from "../document/types.js";

/** A label a field gives, with the rule that made it (for its color and description). */
export interface FieldLabel {
  name: string;
  rule: FieldLabelRule;
  /** The rule's place in `field-labels`, for a default color per rule. */
  index: number;
}

/**
 * The field labels of one idea, by the document's `field-labels` rules, in
 * the order of the rules and, within a rule, of its words. A rule applies to
 * the idea's fields whose name is one of its names (case and spacing aside).
 * With `values`, each word found in such a field's value as a whole word
 * (case aside; "medium" in "Easy to medium", not in "mediums") gives a
 * label; without, the value itself does, when the label then fits GitHub's
 * 50 characters. Duplicates (case aside) are given once.
 * @param idea the idea, with its fields
 * @param config the document's settings
 */
export function fieldLabels(idea: Idea, config: DocumentConfig): FieldLabel[] {
  const labels: FieldLabel[] = [];
  const seen = new Set<string>();
  for (const [index, rule] of (config["field-labels"] ?? []).entries()) {
    const add = (name: string) => {
      if (name.length > LABEL_MAX || name === "" || seen.has(name.toLowerCase())) return;
      seen.add(name.toLowerCase());
      labels.push({ name, rule, index });
    };
    const names = new Set((Array.isArray(rule.field) ? rule.field : [rule.field]).map(normalName));
    const values = (idea.fields ?? [])
      .filter((field) => names.has(normalName(field.name)))
      .map((field) => field.value);
    if (values.length === 0) continue;
    const fill = (value: string) => rule.label.split(FIELD_VALUE).join(value).trim();
    if (rule.values === undefined) {
      for (const value of values) {
        const cleaned = value.replace(/[.;,]+$/, "").trim();
        if (cleaned !== "") add(fill(cleaned));
      }
      continue;
    }
    const words = Array.isArray(rule.values)
      ? rule.values.map((word) => [word, word] as const)
      : Object.entries(rule.values);
    for (const [word, value] of words) {
      if (values.some((text) => containsWord(text, word))) add(fill(value));
    }
  }
  return labels;
}

function normalName(name: string): string {
  return name.replace(/\s+/g, " ").trim().toLowerCase();
}

// "medium" in "Easy to medium", "90" in "Small (90 hours)"; not "small" in "smaller".
function containsWord(text: string, word: string): boolean {
  const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/\s+/g, "\\s+");
  return new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, "iu").test(text);
}
