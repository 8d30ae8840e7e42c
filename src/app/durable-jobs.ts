/**
 * What the app asks of a durable job queue (Postgres, with `DATABASE_URL`):
 * the shape only; src/queue/start-job-queue.ts provides it.
 */
import type { LoadedConfig } from "../github/load-config.js";

/** A webhook delivery as stored in a job: enough to receive it again. */
export interface StoredDelivery {
  id: string;
  name: string;
  payload: unknown;
}

/** What a scheduled continuation does when its time comes. */
export type LaterWork =
  /** Syncs the repository's synced branch at its newest commit. */
  | { kind: "sync-head" }
  /** Runs the delivery's handler again (a command or button a limit stopped). */
  | { kind: "delivery"; delivery: StoredDelivery };

/** A repository's work left for later, as a scheduled job. */
export interface LaterJob {
  repository: string;
  installation: number;
  /** How long after scheduling it runs, by the wall clock. */
  delayMs: number;
  /**
   * How long it waits by the app's clock before it works: against the
   * emulator, whose clock the queue's does not follow, the wait is made there.
   */
  sleepMs: number;
  /** Continuations in a row so far, this one included. */
  inARow: number;
  work: LaterWork;
}

/** The configuration last read per repository, and the commit it was read at. */
export interface ConfigCache {
  get(repository: string): Promise<{ sha: string; loaded: LoadedConfig } | undefined>;
  set(repository: string, value: { sha: string; loaded: LoadedConfig }): Promise<void>;
}

/** What the queue runs: set once the app exists. */
export interface JobHandlers {
  /** Deliveries coalesced into one job, oldest first: the newest is handled. */
  delivery(deliveries: StoredDelivery[]): Promise<void>;
  later(job: LaterJob): Promise<void>;
}

/** The durable job queue every replica shares. */
export interface DurableJobs {
  /**
   * Stores a delivery as a job, once per delivery id across every replica.
   * @returns false when the delivery was stored before
   */
  store(delivery: StoredDelivery): Promise<boolean>;
  /** Schedules a repository's continuation, replacing the one waiting. */
  later(job: LaterJob): Promise<void>;
  /** Drops the repository's waiting continuation. */
  cancelLater(repository: string): Promise<void>;
  configs: ConfigCache;
  /** Starts taking jobs. */
  start(handlers: JobHandlers): Promise<void>;
  /** Resolves once no job is queued, scheduled or running, on any replica. */
  idle(): Promise<void>;
  /** Stops taking jobs, lets running ones finish, and closes the connections. */
  stop(): Promise<void>;
}
