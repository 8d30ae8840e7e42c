/**
 * The durable job queue on Postgres (`DATABASE_URL`), on graphile-worker.
 */
import { randomBytes } from "node:crypto";
import { hostname } from "node:os";
import { EventEmitter } from "node:events";
import {
  Logger,
  run,
  runMigrations,
  type Runner,
  type TaskList,
  type WorkerEvents,
} from "graphile-worker";
import pg from "pg";
import type { DurableJobs, JobHandlers, LaterJob, StoredDelivery } from "../app/durable-jobs.js";
import type { LoadedConfig } from "../github/load-config.js";
import { freeDeadWorkers } from "./free-dead-workers.js";
import { jobSpecOf } from "./job-spec.js";
import { SCHEMA_SQL } from "./schema.js";

/** How the queue runs. */
export interface JobQueueOptions {
  connectionString: string;
  /** Jobs this replica runs at once (of different installations). */
  concurrency: number;
  /** How often this replica looks for replicas that died, in ms. */
  sweepMs: number;
  /** Where the queue's own messages go: warnings and errors only. */
  log: {
    warn: (fields: Record<string, unknown>, message: string) => void;
    error: (fields: Record<string, unknown>, message: string) => void;
  };
}

const DELIVERY_TASK = "ideas-sync:delivery";
const LATER_TASK = "ideas-sync:later";
/** A job that keeps failing is tried this often, with graphile-worker's exponential backoff. */
const MAX_ATTEMPTS = 10;

/**
 * Connects, creates or updates graphile-worker's schema and the app's own
 * tables, and returns the queue; jobs are taken once `start` is called.
 * Every replica names its connections, so that the others can tell when it
 * died (see `freeDeadWorkers`).
 * @throws when the database cannot be reached or set up
 */
export async function startJobQueue(options: JobQueueOptions): Promise<DurableJobs> {
  // Unique per process (a restarted container is a new replica), and telling
  // an operator where it runs: host, process id, a random part.
  const replica = `${hostname().slice(0, 24)}/${process.pid}/${randomBytes(4).toString("hex")}`;
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    application_name: `ideas-sync ${replica}`,
    max: options.concurrency + 4,
  });
  // An idle connection that breaks is replaced; the error must not crash the process.
  pool.on("connect", (client) =>
    client.on("error", (error) =>
      options.log.warn({ err: String(error) }, "a database connection broke"),
    ),
  );
  pool.on("error", (error) =>
    options.log.warn({ err: String(error) }, "a database connection broke"),
  );
  const logger = new Logger(() => (level, message) => {
    if (level === "error") options.log.error({}, `job queue: ${message}`);
    else if (level === "warning") options.log.warn({}, `job queue: ${message}`);
  });
  await pool.query(SCHEMA_SQL);
  await runMigrations({ pgPool: pool, logger });

  let runner: Runner | null = null;
  let sweeper: NodeJS.Timeout | null = null;
  const addJob = (
    client: pg.Pool | pg.PoolClient,
    task: string,
    payload: unknown,
    spec: { queueName: string; jobKey: string | null; delayMs?: number },
  ) =>
    client.query(
      `select graphile_worker.add_job($1, $2::json, queue_name => $3, job_key => $4,
         run_at => now() + ($5::text || ' milliseconds')::interval, max_attempts => $6)`,
      [
        task,
        JSON.stringify(payload),
        spec.queueName,
        spec.jobKey,
        String(spec.delayMs ?? 0),
        MAX_ATTEMPTS,
      ],
    );

  return {
    async store(delivery: StoredDelivery): Promise<boolean> {
      const client = await pool.connect();
      try {
        await client.query("begin");
        const seen = await client.query(
          "insert into ideas_sync.deliveries (id) values ($1) on conflict do nothing",
          [delivery.id],
        );
        if (seen.rowCount === 0) {
          await client.query("rollback");
          return false;
        }
        // An array: a newer push replacing this one is merged with it.
        await addJob(client, DELIVERY_TASK, [delivery], jobSpecOf(delivery));
        await client.query("commit");
        return true;
      } catch (error) {
        await client.query("rollback").catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    async later(job: LaterJob): Promise<void> {
      await addJob(pool, LATER_TASK, job, {
        queueName: `installation:${job.installation}`,
        jobKey: `later:${job.repository}`,
        delayMs: job.delayMs,
      });
    },
    async cancelLater(repository: string): Promise<void> {
      await pool.query("select graphile_worker.remove_job($1)", [`later:${repository}`]);
    },
    configs: {
      async get(repository) {
        const { rows } = await pool.query<{ sha: string; loaded: LoadedConfig }>(
          "select sha, loaded from ideas_sync.configs where repository = $1",
          [repository],
        );
        return rows[0];
      },
      async set(repository, value) {
        await pool.query(
          `insert into ideas_sync.configs (repository, sha, loaded) values ($1, $2, $3)
           on conflict (repository) do update
             set sha = excluded.sha, loaded = excluded.loaded, updated_at = now()`,
          [repository, value.sha, JSON.stringify(value.loaded)],
        );
      },
    },
    async start(handlers: JobHandlers): Promise<void> {
      const taskList: TaskList = {
        [DELIVERY_TASK]: async (payload) => {
          await handlers.delivery(payload as StoredDelivery[]);
        },
        [LATER_TASK]: async (payload) => {
          await handlers.later(payload as LaterJob);
        },
      };
      // Listened to before the workers exist: each lock holder (a pool, or a
      // worker of one, as graphile-worker locks jobs) is recorded as it starts.
      const events = new EventEmitter() as WorkerEvents;
      const record = (holder: string) =>
        void pool
          .query(
            "insert into ideas_sync.workers (worker_id, replica) values ($1, $2) on conflict do nothing",
            [holder, replica],
          )
          .catch((error: unknown) =>
            options.log.warn({ err: String(error) }, "could not record a worker"),
          );
      events.on("pool:create", ({ workerPool }) => record(workerPool.id));
      events.on("worker:create", ({ worker }) => record(worker.workerId));
      runner = await run({
        pgPool: pool,
        taskList,
        concurrency: options.concurrency,
        noHandleSignals: true,
        pollInterval: 1000,
        logger,
        events,
      });
      let suspects = new Set<string>();
      const sweep = async () => {
        const result = await freeDeadWorkers(pool, suspects);
        suspects = result.suspects;
        if (result.freed.length > 0)
          options.log.error(
            { workers: result.freed },
            "a replica stopped in the middle of its jobs: they run again on the replicas left",
          );
        await pool.query(
          "delete from ideas_sync.deliveries where received_at < now() - interval '7 days'",
        );
        // A push job replaced while it ran is marked as out of attempts by
        // graphile-worker, so that it never runs again: its newer push does
        // the work. When its replica died, it is left behind unlocked: done.
        await pool.query(
          `select graphile_worker.complete_jobs(array(
             select id from graphile_worker.jobs
              where attempts >= max_attempts and last_error is null
                and locked_at is null and key is null))`,
        );
      };
      const tick = () =>
        void sweep().catch((error: unknown) =>
          options.log.warn({ err: String(error) }, "could not look for replicas that stopped"),
        );
      tick();
      sweeper = setInterval(tick, options.sweepMs);
      sweeper.unref();
    },
    async idle(): Promise<void> {
      for (;;) {
        const { rows } = await pool.query<{ n: number }>(
          "select count(*)::int as n from graphile_worker.jobs where attempts < max_attempts",
        );
        if (rows[0]?.n === 0) return;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
    async stop(): Promise<void> {
      if (sweeper) clearInterval(sweeper);
      await runner?.stop();
      await pool.end();
    },
  };
}
