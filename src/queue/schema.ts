/**
 * The app's own tables beside graphile-worker's, in the `ideas_sync` schema.
 */

/**
 * Creates what is missing, under a lock, so that replicas starting together
 * do not race: deliveries seen (the dedupe every replica shares), the
 * configuration cache, and which replica runs which of graphile-worker's
 * workers (to free the jobs of a replica that died).
 */
export const SCHEMA_SQL = `
begin;
select pg_advisory_xact_lock(hashtext('ideas_sync schema'));
create schema if not exists ideas_sync;
create table if not exists ideas_sync.deliveries (
  id text primary key,
  received_at timestamptz not null default now()
);
create index if not exists deliveries_received_at on ideas_sync.deliveries (received_at);
create table if not exists ideas_sync.configs (
  repository text primary key,
  sha text not null,
  loaded jsonb not null,
  updated_at timestamptz not null default now()
);
create table if not exists ideas_sync.workers (
  worker_id text primary key,
  replica text not null,
  started_at timestamptz not null default now()
);
commit;
`;
