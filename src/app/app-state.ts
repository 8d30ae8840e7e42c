/**
 * What the handlers share for the life of the process.
 */
import type { Probot } from "probot";
import { fetchBotLogin } from "../github/bot-login.js";
import type { LoadedConfig } from "../github/load-config.js";
import type { CreationBudget } from "../github/pace-creations.js";
import type { RenewedToken } from "../github/renew-token.js";
import { Continuations } from "./continuations.js";
import type { ConfigCache, DurableJobs } from "./durable-jobs.js";
import { PendingRuns } from "./pending-runs.js";
import { RepositoryQueue } from "./repository-queue.js";
import { SeenDeliveries } from "./seen-deliveries.js";
import { SyncedDocuments } from "./synced-documents.js";
import type { Confirmation } from "./types.js";

/** Settings of the app (tests pass their own clock). */
export interface AppOptions {
  /** How to wait; tests pass one that takes no real time. */
  sleep?: (milliseconds: number) => Promise<void>;
  /** The longest a run waits for secondary rate limits before deferring, in seconds. */
  maxWaitSeconds?: number;
  /**
   * Milliseconds between two writes of a run, waited with `sleep`. Probot's
   * throttling spaces writes in production, so 0 by default; with an
   * emulated clock (which Probot's throttling cannot use) the app spaces them
   * itself.
   */
  writeSpacingMs?: number;
  /** Where handlers that outlive their delivery are kept; tests wait on it. */
  runs?: PendingRuns;
  /**
   * The job queue on Postgres that replicas share (`DATABASE_URL`): deliveries,
   * their dedupe, the configuration cache and continuations live there.
   * Without it, all of that lives in the process.
   */
  jobs?: DurableJobs;
}

/** The process-wide state of the app. */
export interface AppState {
  app: Probot;
  queue: RepositoryQueue;
  deliveries: SeenDeliveries;
  runs: PendingRuns;
  sleep: (milliseconds: number) => Promise<void>;
  maxWaitSeconds: number;
  writeSpacingMs: number;
  /**
   * The configuration last read per repository, and the default branch's
   * commit it was read at: a push that continues from that commit without
   * touching the file has the same configuration, and costs no read.
   */
  configs: ConfigCache;
  /** The durable job queue, when there is a database. */
  jobs: DurableJobs | null;
  /** The app's bot login, asked for once. */
  botLogin: () => Promise<string>;
  /** Work left for later, continued by itself: one waiting run per repository. */
  continuations: Continuations;
  /**
   * Content each installation created lately, so that its runs stay within
   * GitHub's secondary limits instead of being refused (by installation id,
   * or repository when the installation is not known).
   */
  creations: Map<string, CreationBudget>;
  /** The last full sync of each document, so that a push that changes no idea reads no issue. */
  synced: SyncedDocuments;
  /** Confirmed plans applied in part, per repository and document path. */
  confirmations: Map<string, Map<string, Confirmation>>;
  /** The installation each repository was last heard of through: to renew a revoked token. */
  installations: Map<string, number>;
  /** Tokens the app renewed after a 401, per installation, until they expire. */
  tokens: Map<number, RenewedToken>;
  /**
   * Per repository and document, when its dashboard was last refreshed for
   * a comment (by GitHub's time of that comment), and whether a refresh
   * waits for the end of the window.
   */
  dashboardRefreshes: Map<string, { at: number; pending: boolean }>;
}

/**
 * Creates the shared state.
 */
export function createAppState(app: Probot, options: AppOptions): AppState {
  let login: Promise<string> | null = null;
  const runs = options.runs ?? new PendingRuns();
  const sleep =
    options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  return {
    app,
    queue: new RepositoryQueue(),
    deliveries: new SeenDeliveries(),
    runs,
    configs: options.jobs?.configs ?? memoryConfigs(),
    jobs: options.jobs ?? null,
    continuations: new Continuations(
      sleep,
      runs,
      options.jobs ? { jobs: options.jobs, emulatedClock: options.sleep !== undefined } : null,
    ),
    confirmations: new Map(),
    synced: new SyncedDocuments(),
    creations: new Map(),
    installations: new Map(),
    tokens: new Map(),
    dashboardRefreshes: new Map(),
    sleep,
    maxWaitSeconds: options.maxWaitSeconds ?? 120,
    writeSpacingMs: options.writeSpacingMs ?? 0,
    botLogin: () => {
      login ??= app.auth().then((octokit) => fetchBotLogin(octokit));
      // A failure is not remembered: the next run asks again.
      login.catch(() => (login = null));
      return login;
    },
  };
}

// The process's own cache, when no database shares one.
function memoryConfigs(): ConfigCache {
  const configs = new Map<string, { sha: string; loaded: LoadedConfig }>();
  return {
    get: async (repository) => configs.get(repository),
    set: async (repository, value) => {
      configs.set(repository, value);
    },
  };
}
