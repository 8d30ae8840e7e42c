/**
 * One run over a repository's documents at a commit: load, plan, guard, apply.
 */
import type { Config, DocumentConfig } from "../config/config-schema.js";
import { documentOptions } from "../config/document-options.js";
import { readDocument } from "../document/read-document.js";
import { applyPlan, type ApplyOptions } from "../github/apply-plan.js";
import { listLabels } from "../github/list-labels.js";
import { listManagedIssues } from "../github/list-managed-issues.js";
import type { Octokit, RepoRef } from "../github/octokit.js";
import { readFile, FILE_MAX_BYTES } from "../github/read-file.js";
import { requestFailure } from "../github/request-error.js";
import { limitOf } from "../github/limit-of.js";
import { writeDashboard } from "../github/write-dashboard.js";
import { movedPaths } from "../plan/moved-paths.js";
import { planDashboard } from "../plan/plan-dashboard.js";
import { planSync } from "../plan/plan-sync.js";
import type { DashboardWrite, IssueSnapshot, Plan } from "../plan/types.js";
import { confirmationHolds } from "./confirmation-holds.js";
import { ideasDigest } from "./ideas-digest.js";
import { planDigest } from "./plan-digest.js";
import type { SyncedDocuments } from "./synced-documents.js";
import type { Confirmation, DocumentOutcome } from "./types.js";

/** Everything a run needs. */
export interface SyncInput {
  octokit: Octokit;
  repo: RepoRef;
  /** https://github.com/OWNER/REPO */
  repositoryUrl: string;
  /** The commit whose documents are synced. */
  sha: string;
  config: Config;
  /** The configured documents to sync in this run. */
  documents: DocumentConfig[];
  /** `preview` plans and reports, and writes nothing to issues. */
  mode: "apply" | "preview";
  /** A blocked plan a maintainer confirmed. */
  confirmed?: Confirmation | null;
  /** Confirmed plans of earlier runs, partly applied: they hold for their remaining writes. */
  remembered?: Confirmation[];
  /** The login the app's issues are created under. */
  botLogin: string;
  /**
   * Whether that login is the app's alone, so that an issue of its without a
   * marker is one whose marker a person deleted (true when left out). A
   * workflow's token writes as `github-actions[bot]`, as every other
   * workflow's does: then only the markers say which issues are ideas-sync's.
   */
  ownLogin?: boolean;
  apply: Omit<ApplyOptions, "maxWrites">;
  /**
   * The repository's last full syncs: a document whose ideas are those of
   * its last full sync at another commit is not planned (a push that
   * changes no idea costs no listing of the issues). Pushes pass it; a
   * maintainer's command or button, and a redelivery, sync in full.
   */
  synced?: { repository: string; documents: SyncedDocuments };
}

/**
 * Syncs each document in turn and says how each ended. Loading failures end
 * that document's sync before any write; the write cap is shared by all
 * documents of the run. Never throws for what GitHub answers; throws bugs.
 */
export async function syncDocuments(input: SyncInput): Promise<DocumentOutcome[]> {
  const outcomes: DocumentOutcome[] = [];
  let issues: IssueSnapshot[] | null = null;
  let labels: string[] | null = null;
  let descriptions: Map<string, string> | undefined;
  let writes = 0;
  // Old paths of moved documents, each taken over by one document only.
  const claimed = new Set<string>();
  const epoch = input.synced?.documents.epoch(input.synced.repository) ?? 0;
  for (const config of input.documents) {
    const { path } = config;
    try {
      const file = await readFile(input.octokit, input.repo, path, input.sha);
      if (file.kind !== "file") {
        outcomes.push({ kind: "unreadable", path, message: unreadable(path, file) });
        continue;
      }
      const resolved = documentOptions(config);
      // The schema checked this already; a failure here is a bug, reported as one.
      if (!resolved.ok) throw new Error(`${resolved.setting}: ${resolved.message}`);
      const document = readDocument(file.bytes, resolved.options);
      const digest = ideasDigest(document, input.config);
      const last = input.synced?.documents.get(input.synced.repository, path);
      const confirming =
        input.confirmed?.path === path || input.remembered?.some((r) => r.path === path);
      if (
        input.mode === "apply" &&
        !confirming &&
        last?.digest === digest &&
        last.sha !== input.sha
      ) {
        outcomes.push({
          kind: "unchanged",
          path,
          diagnostics: document.diagnostics,
          syncedAt: last.sha,
        });
        input.synced?.documents.vouchFor(input.synced.repository, path, input.sha);
        continue;
      }
      // Until this run ends in full, no earlier sync vouches for the issues.
      if (input.mode === "apply")
        input.synced?.documents.set(input.synced.repository, path, null, input.sha);
      issues ??= await listManagedIssues(input.octokit, input.repo, input.botLogin);
      const source = { path, sha: input.sha, repositoryUrl: input.repositoryUrl };
      const adopt = movedPaths(
        issues,
        input.config.documents.map((d) => d.path),
        document.sections.flatMap((section) => section.ideas),
        claimed,
      );
      for (const moved of adopt) claimed.add(moved);
      const makePlan = (known: readonly string[]): Plan =>
        planSync({
          document,
          source,
          issues: issues as IssueSnapshot[],
          labels: known,
          ...(descriptions ? { labelDescriptions: descriptions } : {}),
          config,
          adopt,
          appLogin: input.ownLogin === false ? null : input.botLogin,
        });
      let plan = makePlan(labels ?? [...new Set(issues.flatMap((issue) => issue.labels))]);
      // Labels on no managed issue may still exist: list them only when the plan would create one.
      if (labels === null && plan.actions.some((action) => action.type === "create-label")) {
        const listed = await listLabels(input.octokit, input.repo);
        labels = listed.map((label) => label.name);
        descriptions = new Map(listed.map((label) => [label.name, label.description]));
        plan = makePlan(labels);
      }
      const diagnostics = document.diagnostics;
      if (input.mode === "preview") {
        // The dashboard as it would be written now (it lists the issues the plan creates once they exist).
        if (config.dashboard !== false && plan.blocks.length === 0)
          plan.dashboard = planDashboard({ document, source, issues, config });
        outcomes.push({ kind: "preview", path, plan, diagnostics });
        continue;
      }
      if (plan.blocks.length > 0) {
        const digest = planDigest(plan);
        const confirmable = plan.blocks.every((block) => block.confirm !== null);
        const confirmed =
          (input.confirmed?.path === path ? input.confirmed : null) ??
          input.remembered?.find((remembered) => remembered.path === path) ??
          null;
        if (
          !confirmable ||
          !confirmed ||
          !confirmationHolds(confirmed, plan, file.blobSha, digest)
        ) {
          outcomes.push({
            kind: "blocked",
            path,
            plan,
            diagnostics,
            confirmation: confirmable ? { path, blob: file.blobSha, digest } : null,
            refused: !confirmed
              ? null
              : confirmed.remaining
                ? "the confirmation given earlier covers only the rest of the plan it confirmed, and this plan differs from it (the document or the issues changed); this is the new plan"
                : "the plan changed since it was confirmed (the issues were changed meanwhile); this is the new plan",
          });
          continue;
        }
      }
      const result = await applyPlan(input.octokit, input.repo, plan, {
        ...input.apply,
        maxWrites: input.config["max-writes"] - writes,
      });
      writes += result.writes;
      // The next document's plan reads only its own issues, and learns from
      // this one's writes only which labels now exist.
      for (const applied of result.applied)
        if (applied.action.type === "create-label") labels?.push(applied.action.label);
      // The dashboard, once the issues it lists are written: a run that
      // stopped early leaves it to the run that finishes.
      let dashboard: { number: number; write: DashboardWrite } | undefined;
      let dashboardRefused: { message: string; resumeAfterMs: number | null } | undefined;
      if (config.dashboard !== false && !result.stop && writes < input.config["max-writes"]) {
        try {
          if (result.applied.length > 0)
            issues = await listManagedIssues(input.octokit, input.repo, input.botLogin);
          const write = planDashboard({ document, source, issues, config });
          if (write) {
            if (input.apply.spacingMs && writes > 0) await input.apply.sleep(input.apply.spacingMs);
            const number = await writeDashboard(input.octokit, input.repo, write);
            writes += 1;
            plan.dashboard = write;
            dashboard = { number, write };
            input.apply.log({ path, issue: number, type: write.type }, "dashboard written");
          }
        } catch (error) {
          // The idea issues are written: a dashboard GitHub refused is
          // planned again by the next run, and this run still reports them.
          const failure = requestFailure(error);
          if (failure.status === null) throw error;
          const limit = limitOf(error);
          dashboardRefused = {
            message: `GitHub answered ${failure.status}: ${failure.message}`,
            resumeAfterMs: limit?.kind === "rate-limit" ? limit.afterMs : null,
          };
          input.apply.log(
            { path, status: failure.status, err: failure.message },
            "dashboard not written",
          );
        }
      }
      outcomes.push({
        kind: "applied",
        path,
        plan,
        result,
        diagnostics,
        ...(dashboard ? { dashboard } : {}),
        ...(dashboardRefused ? { dashboardRefused } : {}),
      });
      const full =
        result.stop === null &&
        result.deferred.length === 0 &&
        result.refused.length === 0 &&
        !plan.conflicts &&
        !dashboardRefused;
      if (full)
        input.synced?.documents.set(input.synced.repository, path, digest, input.sha, epoch);
    } catch (error) {
      const failure = requestFailure(error);
      // Only GitHub's answers are outcomes; anything else is a bug, reported as one.
      if (failure.status === null) throw error;
      input.apply.log({ path, status: failure.status, err: failure.message }, "sync failed");
      const message = `GitHub answered ${failure.status}: ${failure.message}`;
      outcomes.push({ kind: "failed", path, message });
    }
  }
  return outcomes;
}

function unreadable(
  path: string,
  file: Exclude<Awaited<ReturnType<typeof readFile>>, { kind: "file" }>,
): string {
  switch (file.kind) {
    case "missing":
      return `${path} is not in this commit: it was removed or renamed. Nothing is closed. If it moved, change its path in .github/ideas-sync.yml; to stop syncing it, remove it from there.`;
    case "too-large":
      return `${path} is ${file.size} bytes, more than the ${FILE_MAX_BYTES} ideas-sync reads. Nothing is written.`;
    case "not-a-file":
      return `${path} is not a file (it is a ${file.type}). Nothing is written.`;
  }
}
