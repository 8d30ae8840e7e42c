/**
 * GitHub's REST issue objects → the issues the reconciler reads.
 */
import { z } from "zod";
import type { IssueSnapshot } from "../plan/types.js";

const restIssue = z.looseObject({
  number: z.number().int().positive(),
  title: z.string(),
  body: z.string().nullable().optional(),
  state: z.enum(["open", "closed"]),
  state_reason: z.string().nullable().optional(),
  labels: z.array(z.union([z.string(), z.looseObject({ name: z.string() })])).default([]),
  pull_request: z.unknown().optional(),
  html_url: z.string().optional(),
  user: z.looseObject({ login: z.string() }).nullable().optional(),
  comments: z.number().int().nonnegative().optional(),
});

/**
 * Reads a list of issues as `GET /repos/{owner}/{repo}/issues?state=all`
 * returns them. Pull requests, which that list includes, are left out.
 * @param json the parsed JSON
 * @returns the issues, or the first problem with the item it is in
 */
export function toIssueSnapshots(
  json: unknown,
): { ok: true; issues: IssueSnapshot[] } | { ok: false; error: string } {
  if (!Array.isArray(json)) return { ok: false, error: "expected a JSON array of issues" };
  const issues: IssueSnapshot[] = [];
  for (const [index, item] of json.entries()) {
    const parsed = restIssue.safeParse(item);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return {
        ok: false,
        error: `item ${index}: ${issue?.path.join(".") || "(the item)"}: ${issue?.message}`,
      };
    }
    const value = parsed.data;
    if (value.pull_request !== undefined) continue;
    issues.push({
      number: value.number,
      title: value.title,
      body: value.body ?? "",
      state: value.state,
      stateReason: value.state_reason ?? null,
      labels: value.labels.map((label) => (typeof label === "string" ? label : label.name)),
      ...(value.html_url ? { url: value.html_url } : {}),
      ...(value.user ? { creator: value.user.login } : {}),
      ...(value.comments === undefined ? {} : { comments: value.comments }),
    });
  }
  return { ok: true, issues };
}
