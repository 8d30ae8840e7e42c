/**
 * The schema of `.github/ideas-sync.yml`.
 */
import { z } from "zod";
import { documentOptions } from "./document-options.js";

/**
 * API writes one run makes at most by default. GitHub allows 80
 * content-creating requests a minute and 500 an hour; at the 1 to 3 s spacing
 * writes get, 100 take a few minutes.
 */
export const MAX_WRITES = 100;

/** GitHub refuses label names longer than this. */
export const LABEL_MAX = 50;

const label = z
  .string()
  .trim()
  .min(1, "a label name cannot be empty")
  .max(LABEL_MAX, `GitHub label names are at most ${LABEL_MAX} characters`);

/** How the value of a field is written into its label. */
export const FIELD_VALUE = "{value}";

const fieldName = z.string().trim().min(1, "a field name cannot be empty");

/**
 * One rule of `field-labels`: which fields, the label they make, and the
 * words to look for in their values.
 */
const fieldLabelRule = z
  .strictObject({
    /** The field's name, or several names for the same thing; case-insensitive. */
    field: z.union([fieldName, z.array(fieldName).min(1, "list at least one field name")]),
    /** The label, with {value} where the value goes. */
    label: z.string().trim().min(1, "a label name cannot be empty"),
    /**
     * Words to look for in the value: a list (each word found gives a label
     * with that word), or word → what goes in the label. Without it, the
     * whole value goes in the label.
     */
    values: z
      .union([
        z
          .array(z.string().trim().min(1, "a word cannot be empty"))
          .min(1, "list at least one word"),
        z.record(
          z.string().trim().min(1, "a word cannot be empty"),
          z.string().trim().min(1, "a label value cannot be empty"),
        ),
      ])
      .optional(),
    /** The labels' color, six hex digits as GitHub takes it. */
    color: z
      .string()
      .regex(/^#?[0-9a-fA-F]{6}$/, 'six hex digits, such as "fbca04"')
      .transform((color) => color.replace(/^#/, "").toLowerCase())
      .optional(),
    /** The labels' description (GitHub takes at most 100 characters). */
    description: z
      .string()
      .trim()
      .max(100, "GitHub label descriptions are at most 100 characters")
      .optional(),
  })
  .superRefine((rule, context) => {
    // Every label the rule can make must fit GitHub's limit.
    const values =
      rule.values === undefined
        ? []
        : Array.isArray(rule.values)
          ? rule.values
          : Object.values(rule.values);
    if (values.length === 0 && !rule.label.includes(FIELD_VALUE) && rule.label.length > LABEL_MAX)
      context.addIssue({
        code: "custom",
        path: ["label"],
        message: `GitHub label names are at most ${LABEL_MAX} characters`,
      });
    for (const value of values) {
      const filled = rule.label.split(FIELD_VALUE).join(value);
      if (filled.length > LABEL_MAX) {
        context.addIssue({
          code: "custom",
          path: ["label"],
          message: `"${filled}" is longer than GitHub's ${LABEL_MAX} characters for a label`,
        });
        break;
      }
    }
  });

/** One rule of `field-labels`, as checked. */
export type FieldLabelRule = z.output<typeof fieldLabelRule>;

const depth = (min: number, max: number) => z.number().int().min(min).max(max);

const documentSchema = z
  .strictObject({
    path: z
      .string()
      .min(1)
      .refine((path) => !path.startsWith("/") && !path.split("/").includes(".."), {
        message: "must be a path inside the repository, such as doc/ideas.md",
      }),
    format: z.enum(["auto", "gosh", "markdown"]).default("auto"),
    "section-depth": depth(0, 5).optional(),
    "idea-depth": depth(1, 6).optional(),
    "tracking-label": label.default("idea"),
    "section-labels": z
      .strictObject({
        /** Put before each section title to make its label. */
        prefix: z
          .string()
          .max(LABEL_MAX - 1)
          .default(""),
        /** Section title → label, or false for no label. */
        names: z.record(z.string(), z.union([label, z.literal(false)])).default({}),
      })
      .default({ prefix: "", names: {} }),
    "field-labels": z.array(fieldLabelRule).optional(),
    /** One issue listing the document's ideas (on unless false). */
    dashboard: z.boolean().optional(),
    comments: z
      .strictObject({
        close: z.boolean().default(true),
        rename: z.boolean().default(true),
        reopen: z.boolean().default(true),
      })
      .default({ close: true, rename: true, reopen: true }),
    guards: z
      .strictObject({
        "max-close-share": z.number().min(0).max(1).default(0.25),
        "min-closes": z.number().int().min(0).default(3),
      })
      .default({ "max-close-share": 0.25, "min-closes": 3 }),
  })
  .superRefine((document, context) => {
    const result = documentOptions(document);
    if (!result.ok)
      context.addIssue({ code: "custom", path: [result.setting], message: result.message });
  });

/** The whole file. */
export const configSchema = z
  .strictObject({
    documents: z.array(documentSchema).min(1, "list at least one document"),
    /** The branch whose pushes sync; the repository's default branch when left out. */
    branch: z.string().trim().min(1).optional(),
    /** API writes one run may make; the rest waits for the next run. */
    "max-writes": z.number().int().min(1).default(MAX_WRITES),
  })
  .superRefine((config, context) => {
    const seen = new Map<string, number>();
    config.documents.forEach((document, index) => {
      const first = seen.get(document.path);
      if (first !== undefined) {
        context.addIssue({
          code: "custom",
          path: ["documents", index, "path"],
          message: `the same document as documents[${first}]`,
        });
      }
      seen.set(document.path, index);
    });
  });

/** The settings of one document, defaults filled in. */
export type DocumentConfig = z.output<typeof documentSchema>;

/** The whole configuration, defaults filled in. */
export type Config = z.output<typeof configSchema>;
