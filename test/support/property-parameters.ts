/**
 * fast-check parameters for one property, with this test run's seed.
 */
import type { Parameters } from "fast-check";
import { inject } from "vitest";
import "./fast-check-settings.js";

/**
 * The parameters of fc.assert: the run's seed (FC_SEED), and this
 * property's number of runs unless FC_RUNS sets another.
 * @param numRuns how many inputs the property tries by default
 */
export function propertyParameters<T>(numRuns: number): Parameters<T> {
  const settings = inject("fastCheck");
  return { seed: settings.seed, numRuns: settings.runs ?? numRuns };
}
