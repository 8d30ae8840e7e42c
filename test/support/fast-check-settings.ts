/**
 * The seed and run count of the fast-check properties, from the environment.
 * vitest.config.ts reads them once and hands them to every test file, so that
 * all properties of one `npm test` share one seed and the reporter can print it.
 */

/** What the properties run with. */
export interface FastCheckSettings {
  /** The seed of every property. */
  seed: number;
  /** Runs per property, or null for each property's own count. */
  runs: number | null;
  /** Whether the seed was drawn at random for this run. */
  random: boolean;
}

declare module "vitest" {
  export interface ProvidedContext {
    fastCheck: FastCheckSettings;
  }
}

// A fixed seed by default: a test run must not pass or fail by chance. The
// value itself means nothing.
const DEFAULT_SEED = 1_000_003;

/**
 * The fast-check settings for this test run.
 * FC_SEED: an integer, or "random" for a new seed each run (default fixed).
 * FC_RUNS: a positive integer, the runs of every property (default each
 * property's own).
 * @param env the environment, process.env
 * @throws Error when either variable is set to something else
 */
export function fastCheckSettings(env: NodeJS.ProcessEnv): FastCheckSettings {
  const seedText = env.FC_SEED?.trim() ?? "";
  const runsText = env.FC_RUNS?.trim() ?? "";
  let seed = DEFAULT_SEED;
  const random = seedText === "random";
  if (random) seed = Math.floor(Math.random() * 0x7fffffff);
  else if (seedText !== "") {
    // fast-check takes a 32-bit seed and would cut a larger one silently.
    seed = Number(seedText);
    if (!/^-?\d+$/.test(seedText) || seed < -(2 ** 31) || seed >= 2 ** 31)
      throw new Error(
        `FC_SEED must be a 32-bit integer or "random", not ${JSON.stringify(seedText)}`,
      );
  }
  let runs: number | null = null;
  if (runsText !== "") {
    if (!/^\d+$/.test(runsText) || Number(runsText) < 1)
      throw new Error(`FC_RUNS must be a positive integer, not ${JSON.stringify(runsText)}`);
    runs = Number(runsText);
  }
  return { seed, runs, random };
}
