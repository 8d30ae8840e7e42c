/**
 * `push`: sync the documents a push to the synced branch changed.
 */
import type { Context } from "probot";
import { changedPaths } from "../github/changed-paths.js";
import { payloadPaths } from "../github/payload-paths.js";
import { CONFIG_PATH, loadConfig } from "../github/load-config.js";
import type { AppState } from "./app-state.js";
import { reportBadConfig, runAndReport, type RunTarget } from "./run-and-report.js";
import { runLog } from "./run-log.js";

/**
 * Handles a push. Tags, branch deletions and pushes to other branches end
 * here, with at most the one read that tells which branch is synced. A push
 * to the synced branch reads the configuration at the pushed commit (unless
 * it is known: the push continues from where it was read and does not touch
 * it), then which files changed; when no document (and not the
 * configuration) changed, that is all. Otherwise every changed document is synced and
 * reported on the pushed commit.
 */
export function handlePush(state: AppState) {
  return async (context: Context<"push">): Promise<void> => {
    const { payload } = context;
    if (payload.deleted || !payload.ref.startsWith("refs/heads/")) return;
    const branch = payload.ref.slice("refs/heads/".length);
    const repo = context.repo();
    const repository = payload.repository.full_name;
    const ticket = state.queue.ticket(`${repository}:${branch}`);
    await state.queue.run(repository, async () => {
      const log = context.log.child({ repository, sha: payload.after, delivery: context.id });
      if (state.queue.superseded(`${repository}:${branch}`, ticket)) {
        log.info("a newer push to the branch is queued: it syncs instead");
        return;
      }
      const onDefault = branch === payload.repository.default_branch;
      const listed = payloadPaths(payload);
      const known = await state.configs.get(repository);
      // Pushes to the default branch carry their own configuration, the same
      // as before when they continue from the commit it was read at and do
      // not touch it. For any other branch, the default branch's says whether
      // it is the synced one.
      const unchanged = onDefault
        ? known?.sha === payload.before && listed !== null && !listed.has(CONFIG_PATH)
        : known !== undefined;
      const loaded =
        unchanged && known
          ? known.loaded
          : await loadConfig(
              context.octokit,
              repo,
              onDefault ? payload.after : payload.repository.default_branch,
            );
      if (onDefault) await state.configs.set(repository, { sha: payload.after, loaded });
      const target: RunTarget = {
        octokit: context.octokit,
        repo,
        repositoryUrl: payload.repository.html_url,
        sha: payload.after,
        log: runLog(log),
      };
      if (loaded.kind === "none") return;
      if (loaded.kind === "invalid") {
        if (onDefault) await reportBadConfig(target, loaded.errors);
        return;
      }
      const synced = loaded.config.branch ?? payload.repository.default_branch;
      if (branch !== synced) return;
      // After skipped pushes, this push's own files do not tell what changed.
      const changed = state.queue.takeSkipped(`${repository}:${branch}`)
        ? null
        : await changedPaths(context.octokit, repo, payload);
      const paths =
        changed === null || changed.has(CONFIG_PATH)
          ? null
          : new Set(loaded.config.documents.map((d) => d.path).filter((p) => changed.has(p)));
      if (paths?.size === 0) {
        log.info("the push changes no document");
        return;
      }
      // GitHub does not promise the order of deliveries, and redelivers late:
      // the issues follow the branch head, never an older commit. A push that
      // is no longer the head syncs its documents as they are at the head
      // (a newer push may have changed other documents only).
      const { data: head } = await context.octokit.rest.repos.getBranch({ ...repo, branch });
      if (head.commit.sha === payload.after) {
        await runAndReport(state, target, loaded.config, {
          paths,
          mode: "apply",
          // Replicas hear of people's changes apart: only one process may skip the listing.
          reuseSynced: state.jobs === null,
        });
        return;
      }
      log.info({ head: head.commit.sha }, "delivered late: syncing the branch head instead");
      const atHead = await loadConfig(context.octokit, repo, head.commit.sha);
      if (atHead.kind !== "config") return;
      await runAndReport(state, { ...target, documentSha: head.commit.sha }, atHead.config, {
        paths,
        mode: "apply",
      });
    });
  };
}
