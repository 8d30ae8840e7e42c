/**
 * What a failed API request tells us, read without trusting its shape.
 */

/** The parts of an Octokit RequestError the app looks at. */
export interface RequestFailure {
  /** HTTP status, or null when no response came (a reset connection, a timeout). */
  status: number | null;
  message: string;
  headers: Record<string, string | undefined>;
  /** The `code` of each entry of a 422's `errors`, such as "already_exists". */
  codes: string[];
}

/**
 * Reads status, message and headers from whatever a request threw.
 * @param error the thrown value
 */
export function requestFailure(error: unknown): RequestFailure {
  const value = (typeof error === "object" && error !== null ? error : {}) as {
    status?: unknown;
    message?: unknown;
    response?: { headers?: Record<string, unknown>; data?: unknown };
  };
  const headers: Record<string, string | undefined> = {};
  for (const [name, header] of Object.entries(value.response?.headers ?? {}))
    headers[name.toLowerCase()] = header === undefined ? undefined : String(header);
  const errors = (value.response?.data as { errors?: unknown } | undefined)?.errors;
  const codes = Array.isArray(errors)
    ? errors.flatMap((entry) => {
        const code = (entry as { code?: unknown } | null)?.code;
        return typeof code === "string" ? [code] : [];
      })
    : [];
  return {
    codes,
    status: typeof value.status === "number" && value.status > 0 ? value.status : null,
    message: typeof value.message === "string" ? value.message : String(error),
    headers,
  };
}
