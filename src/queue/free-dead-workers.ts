/**
 * Freeing the jobs of a replica that died.
 */
import type pg from "pg";

/**
 * graphile-worker keeps a job (and its installation's queue) locked by the
 * worker that took it, for up to four hours when that worker's process died
 * without a word (SIGKILL, a lost machine). Postgres knows sooner: a
 * replica's connections carry its name (`application_name`
 * "ideas-sync REPLICA"), and they end with the process. A
 * worker whose replica has no connection left, on this look and the one
 * before (`suspects`, so that a replica between two connections is not taken
 * for dead), or an unknown worker holding a lock for over a minute, is
 * dead: its jobs are freed for the other replicas (graphile-worker's
 * `force_unlock_workers`). The job then runs again from the start, which is
 * safe: every sync plans again from the issues as GitHub has them.
 * @returns the workers freed now, and the suspects for the next look
 */
export async function freeDeadWorkers(
  pool: pg.Pool,
  suspects: ReadonlySet<string>,
): Promise<{ freed: string[]; suspects: Set<string> }> {
  const { rows } = await pool.query<{ worker_id: string }>(
    `select w.worker_id from ideas_sync.workers w
      where not exists (
        select 1 from pg_stat_activity a
         where a.application_name = 'ideas-sync ' || w.replica)
     union
     select distinct j.locked_by from graphile_worker.jobs j
      where j.locked_by is not null
        and j.locked_at < now() - interval '60 seconds'
        and not exists (select 1 from ideas_sync.workers w where w.worker_id = j.locked_by)`,
  );
  const now = new Set(rows.map((row) => row.worker_id));
  const freed = [...now].filter((id) => suspects.has(id));
  if (freed.length > 0) {
    await pool.query("select graphile_worker.force_unlock_workers($1::text[])", [freed]);
    await pool.query("delete from ideas_sync.workers where worker_id = any($1::text[])", [freed]);
  }
  return { freed, suspects: new Set([...now].filter((id) => !freed.includes(id))) };
}
