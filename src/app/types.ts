/**
 * What one run did with each document, for its report.
 */
import type { Diagnostic } from "../document/types.js";
import type { ApplyResult } from "../github/apply-plan.js";
import type { DashboardWrite, Plan } from "../plan/types.js";

/** How one document's sync ended. */
export type DocumentOutcome =
  | {
      kind: "applied";
      path: string;
      plan: Plan;
      result: ApplyResult;
      diagnostics: Diagnostic[];
      /** The dashboard issue written after the plan, if it was. */
      dashboard?: { number: number; write: DashboardWrite };
      /**
       * GitHub refused the dashboard's write: why, and when a rate limit
       * that refused it lifts (null for any other refusal).
       */
      dashboardRefused?: { message: string; resumeAfterMs: number | null };
    }
  | {
      kind: "blocked";
      path: string;
      plan: Plan;
      diagnostics: Diagnostic[];
      /** Set when every block may be confirmed: what the Confirm button carries. */
      confirmation: Confirmation | null;
      /** Why an earlier confirmation did not apply, when one was given. */
      refused: string | null;
    }
  | { kind: "preview"; path: string; plan: Plan; diagnostics: Diagnostic[] }
  /**
   * The document's ideas are those of the last full sync (at `syncedAt`), and
   * nobody changed an issue since: nothing to plan, the issues were not read.
   */
  | { kind: "unchanged"; path: string; diagnostics: Diagnostic[]; syncedAt: string }
  /** The document could not be read: removed, renamed, too large, a folder. */
  | { kind: "unreadable"; path: string; message: string }
  /** The API failed before anything was written. */
  | { kind: "failed"; path: string; message: string };

/** Identifies a blocked plan, so that pressing Confirm applies that plan and no other. */
export interface Confirmation {
  path: string;
  /** The document's blob when the plan was made. */
  blob: string;
  /** A digest of the plan's actions. */
  digest: string;
  /**
   * Set once the confirmed plan was partly applied: its writes still to
   * make, by `actionFingerprint`. The app keeps this in memory; it is never
   * part of a check run.
   */
  remaining?: string[];
}
