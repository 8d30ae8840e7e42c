/**
 * What one run of the Action did, for its job summary, outputs and exit status.
 */
import type { ConfigError } from "../config/parse-config.js";
import type { DocumentOutcome } from "../app/types.js";
import type { CheckRunReport } from "../github/create-check-run.js";
import type { Octokit } from "../github/octokit.js";
import type { ActionEnvironment } from "./read-action-environment.js";

/** Everything a run of the Action works with. */
export interface ActionContext {
  octokit: Octokit;
  environment: ActionEnvironment;
  /** How to wait: real time, or the emulator's clock in tests. */
  sleep: (milliseconds: number) => Promise<void>;
  /** Milliseconds between writes when Octokit's throttling does not space them. */
  writeSpacingMs: number;
  /** The longest a run waits for secondary rate limits before deferring, in seconds. */
  maxWaitSeconds: number;
  /** One line per write and per decision. */
  log: (fields: Record<string, unknown>, message: string) => void;
}

/** A document's outcome, the check run that reports it, and how to confirm it. */
export interface DocumentReport {
  outcome: DocumentOutcome;
  report: CheckRunReport;
  /** Null when no check run was made (a late push in sync, or a token without `checks: write`). */
  checkRunUrl: string | null;
  /** A blocked plan's digest, which the `confirm` input takes to apply it. */
  digest: string | null;
}

/** How a run of the Action ended. */
export type ActionRun =
  /** Nothing to do for this event: the job succeeds. */
  | { kind: "skipped"; reason: string }
  /** The job cannot do what it was started for: it fails with this one line. */
  | { kind: "refused"; reason: string }
  /** The configuration cannot be used: the job fails. */
  | {
      kind: "bad-config";
      sha: string;
      errors: ConfigError[];
      report: CheckRunReport;
      checkRunUrl: string | null;
    }
  /** Documents were synced (or previewed) at a commit. */
  | {
      kind: "ran";
      mode: "apply" | "preview";
      /** The commit the check runs are on. */
      sha: string;
      /** The branch whose head was synced, or the pull request's base. */
      branch: string;
      /** Where the check runs and issue links point. */
      repositoryUrl: string;
      documents: DocumentReport[];
    };
