/**
 * `ideas-sync plan`: what a sync would write, without writing it.
 */
import { parseArgs } from "node:util";
import { readDocument } from "../document/read-document.js";
import { toIssueSnapshots } from "../github/to-issue-snapshot.js";
import { formatPlanMarkdown } from "../plan/format-plan-markdown.js";
import { planDashboard } from "../plan/plan-dashboard.js";
import { planJson } from "../plan/plan-json.js";
import { planSync } from "../plan/plan-sync.js";
import { DataError } from "./data-error.js";
import { explainNoIdeas } from "./explain-no-ideas.js";
import { formatDiagnostic } from "./format-diagnostic.js";
import type { Io } from "./io.js";
import { loadDocumentConfig } from "./load-document-config.js";
import { otherDocumentPaths } from "./other-document-paths.js";
import { FORMAT_OPTIONS } from "./resolve-document-options.js";
import { UsageError } from "./usage-error.js";

/** Usage of `ideas-sync plan`. */
export const PLAN_USAGE = `Usage: ideas-sync plan --doc FILE --issues ISSUES.json [--config FILE] [--json]
                        [--path PATH] [--repository OWNER/REPO] [--sha SHA]
                        [--format auto|gosh|markdown] [--section-depth N] [--idea-depth N]

Shows what syncing FILE would write to the issues in ISSUES.json (a JSON array
of issues as GET /repos/{owner}/{repo}/issues?state=all returns them). Nothing
is written anywhere.
  --config        .github/ideas-sync.yml to take the document's settings from
  --path          the document's path in the repository (default: FILE as given)
  --repository    OWNER/REPO for links (default: from the issues' URLs)
  --sha           the commit links point at (default: HEAD)
  --json          print the plan as JSON
Exit status: 0 when the plan may be applied, 1 when it is blocked, 2 for a wrong
command line or input that cannot be read, 3 for an unexpected failure.
`;

/**
 * Runs `ideas-sync plan`.
 * @returns the exit status
 */
export async function planCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    strict: true,
    options: {
      doc: { type: "string" },
      issues: { type: "string" },
      config: { type: "string" },
      path: { type: "string" },
      repository: { type: "string" },
      sha: { type: "string", default: "HEAD" },
      ...FORMAT_OPTIONS,
      json: { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  if (values.help) {
    io.stdout(PLAN_USAGE);
    return 0;
  }
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
  if (!values.doc || !values.issues)
    throw new UsageError("plan needs --doc FILE and --issues ISSUES.json");
  const path = values.path ?? values.doc;
  const { config, options } = await loadDocumentConfig(io, values.config, path, values);
  const content = await io.readFile(values.doc);
  const document = readDocument(content, options);
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(await io.readFile(values.issues)));
  } catch (error) {
    if (error instanceof SyntaxError)
      throw new DataError(`${values.issues} is not JSON: ${error.message}`);
    throw error;
  }
  const issues = toIssueSnapshots(json);
  if (!issues.ok) throw new DataError(`${values.issues}: ${issues.error}`);
  const repositoryUrl = repositoryOf(values.repository, json);
  // On stderr, so that stdout stays the plan (and valid JSON with --json).
  for (const diagnostic of document.diagnostics)
    io.stderr(formatDiagnostic(values.doc, diagnostic) + "\n");
  if (document.sections.every((section) => section.ideas.length === 0))
    io.stderr(explainNoIdeas(values.doc, content, options) + "\n");
  const others = otherDocumentPaths(issues.issues, path);
  if (others.length > 0) {
    const [first] = others as [{ path: string; issues: number }];
    const listed = others.map((o) => `${o.path} (${o.issues})`).join(", ");
    io.stderr(
      `ideas-sync plan: the issues belong to ${listed}, none to ${path}, so this plan creates them again: if the document is ${first.path}, give --path ${first.path}\n`,
    );
  }
  const plan = planSync({
    document,
    source: { path, sha: values.sha, repositoryUrl },
    issues: issues.issues,
    labels: [...new Set(issues.issues.flatMap((issue) => issue.labels))],
    config,
  });
  // The dashboard as it would be written now, against the issues as they are.
  plan.dashboard = planDashboard({
    document,
    source: { path, sha: values.sha, repositoryUrl },
    issues: issues.issues,
    config,
  });
  io.stdout(
    values.json
      ? JSON.stringify(planJson(plan), null, 2) + "\n"
      : formatPlanMarkdown(plan, repositoryUrl),
  );
  return plan.blocks.length > 0 ? 1 : 0;
}

// https://github.com/OWNER/REPO, from --repository or an issue's html_url.
function repositoryOf(given: string | undefined, json: unknown): string {
  if (given) {
    if (!/^[\w.-]+\/[\w.-]+$/.test(given))
      throw new UsageError(`--repository must be OWNER/REPO, not "${given}"`);
    return `https://github.com/${given}`;
  }
  const url = Array.isArray(json)
    ? (json.find((item) => typeof item?.html_url === "string")?.html_url as string | undefined)
    : undefined;
  const match = url ? /^(https:\/\/[^/]+\/[^/]+\/[^/]+)\/(issues|pull)\//.exec(url) : null;
  return match?.[1] ?? "https://github.com/OWNER/REPO";
}
