/**
 * Where a delivery's job goes in the queue. Pure.
 */
import type { StoredDelivery } from "../app/durable-jobs.js";

/** A job's named queue (run one at a time) and key (a newer job replaces it). */
export interface JobSpec {
  queueName: string;
  /** Null for a job nothing replaces. */
  jobKey: string | null;
}

/**
 * Jobs run one at a time per installation, on whichever replica takes them:
 * GitHub's secondary limits count per installation token, so two syncs of
 * one installation at once would only share the same allowance and trip it
 * for each other. A push waiting in the queue is replaced by a newer push to
 * the same branch (the deliveries are kept together, so that the run knows
 * pushes were coalesced): the newer one's run reads the whole document anyway.
 */
export function jobSpecOf(delivery: StoredDelivery): JobSpec {
  const payload = (delivery.payload ?? {}) as {
    installation?: { id?: number };
    repository?: { full_name?: string };
    ref?: string;
  };
  const installation = payload.installation?.id;
  const queueName = installation === undefined ? "app" : `installation:${installation}`;
  const repository = payload.repository?.full_name;
  const jobKey =
    delivery.name === "push" && repository && payload.ref
      ? `push:${repository}:${payload.ref}`
      : null;
  return { queueName, jobKey };
}
