/**
 * The text of `.github/ideas-sync.yml` → a checked configuration.
 */
import { isNode, LineCounter, parseDocument } from "yaml";
import { configSchema, type Config } from "./config-schema.js";

/** A problem in the configuration file, at the key it is about. */
export interface ConfigError {
  /** The key, as `documents[0].tracking-label`, or "" for the whole file. */
  key: string;
  /** 1-based line of that key's value, when known. */
  line: number | null;
  message: string;
}

/** A configuration, or why there is none. */
export type ConfigResult = { ok: true; config: Config } | { ok: false; errors: ConfigError[] };

/**
 * Reads and checks a configuration file. Pure: takes text, never throws.
 * @param text the YAML file
 * @returns the configuration with defaults filled in, or every error found,
 *   each naming its key and line
 */
export function parseConfig(text: string): ConfigResult {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: true, uniqueKeys: true });
  if (document.errors.length > 0) {
    return {
      ok: false,
      errors: document.errors.map((error) => ({
        key: "",
        line: error.linePos?.[0]?.line ?? null,
        message: `not valid YAML: ${error.message.split("\n")[0]}`,
      })),
    };
  }
  const result = configSchema.safeParse(document.toJS() ?? {});
  if (result.success) return { ok: true, config: result.data };
  return {
    ok: false,
    errors: result.error.issues.map((issue) => {
      // An unknown key is reported at that key.
      const path =
        issue.code === "unrecognized_keys" ? [...issue.path, issue.keys[0] as string] : issue.path;
      const node = document.getIn(path as Array<string | number>, true);
      const range = isNode(node) ? node.range : undefined;
      const message =
        issue.code === "unrecognized_keys"
          ? `unknown key${issue.keys.length > 1 ? "s" : ""} ${issue.keys.map((k) => `"${k}"`).join(", ")}`
          : issue.message;
      const missing = issue.code === "invalid_type" && / received undefined$/.test(issue.message);
      return {
        key: formatKey(path),
        line: range ? lineCounter.linePos(range[0]).line : lineOfKey(document, path, lineCounter),
        message: missing ? "is required" : message,
      };
    }),
  };
}

// documents[0].section-labels.names
function formatKey(path: ReadonlyArray<PropertyKey>): string {
  return path
    .map((part, index) =>
      typeof part === "number" ? `[${part}]` : `${index === 0 ? "" : "."}${String(part)}`,
    )
    .join("");
}

// An unknown key has no value node to point at; find the key itself in its map.
function lineOfKey(
  document: ReturnType<typeof parseDocument>,
  path: ReadonlyArray<PropertyKey>,
  lineCounter: LineCounter,
): number | null {
  const parent = document.getIn(path.slice(0, -1) as Array<string | number>, true) as
    { items?: Array<{ key?: { value?: unknown; range?: [number, number, number] } }> } | undefined;
  const pair = parent?.items?.find((item) => item.key?.value === path[path.length - 1]);
  return pair?.key?.range ? lineCounter.linePos(pair.key.range[0]).line : null;
}
