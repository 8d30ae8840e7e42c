/**
 * A document's dashboard brought up to date outside a sync: its comment counts.
 */
import { documentOptions } from "../config/document-options.js";
import { readDocument } from "../document/read-document.js";
import { listManagedIssues } from "../github/list-managed-issues.js";
import { loadConfig } from "../github/load-config.js";
import type { Octokit, RepoRef } from "../github/octokit.js";
import { readFile } from "../github/read-file.js";
import { writeDashboard } from "../github/write-dashboard.js";
import { planDashboard } from "../plan/plan-dashboard.js";

/** Where the repository is and how to log. */
export interface RefreshTarget {
  octokit: Octokit;
  repo: RepoRef;
  /** https://github.com/OWNER/REPO */
  repositoryUrl: string;
  /** The branch whose configuration and document the dashboard shows. */
  branch: string;
  /** The login the app's issues are created under. */
  botLogin: string;
  log: (fields: Record<string, unknown>, message: string) => void;
}

/**
 * Reads the configuration and the document on the branch and the issues
 * ideas-sync made, and writes the document's dashboard when what it shows
 * changed (three reads, at most one write); it never creates one. Nothing
 * when the repository has
 * no usable configuration, the document is not configured any more, or its
 * dashboard is turned off.
 * @param path the document whose idea issue was commented on
 * @returns true when the dashboard was written
 */
export async function refreshDashboard(target: RefreshTarget, path: string): Promise<boolean> {
  const { octokit, repo } = target;
  const loaded = await loadConfig(octokit, repo, target.branch);
  if (loaded.kind !== "config") return false;
  // A configured branch other than the default one holds the synced document.
  const branch = loaded.config.branch ?? target.branch;
  const config = loaded.config.documents.find((document) => document.path === path);
  if (!config || config.dashboard === false) return false;
  const options = documentOptions(config);
  if (!options.ok) return false;
  const file = await readFile(octokit, repo, path, branch);
  if (file.kind !== "file") return false;
  const document = readDocument(file.bytes, options.options);
  const issues = await listManagedIssues(octokit, repo, target.botLogin);
  const write = planDashboard({
    document,
    source: { path, sha: branch, repositoryUrl: target.repositoryUrl },
    issues,
    config,
  });
  // A comment refreshes a dashboard; only a sync makes one. A sync still
  // writing (in this process or another) makes it, and two would be one too many.
  if (!write || write.type === "create-dashboard") return false;
  const number = await writeDashboard(octokit, repo, write);
  target.log({ path, issue: number }, "dashboard refreshed");
  return true;
}
