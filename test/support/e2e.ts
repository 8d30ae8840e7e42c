/**
 * The emulator and the app as a process of its own, for the end-to-end tests
 * of one file.
 */
import { afterAll, afterEach, beforeAll, expect } from "vitest";
import { startEmulator, type RunningEmulator } from "../../emulator/server.js";
import { startApp, type RunningApp } from "../../emulator/start-app.js";

/** What a test file drives: set once its tests start. */
export interface EmulatedGitHub {
  github: RunningEmulator;
  app: RunningApp;
}

/**
 * Starts the emulator and the app before the file's tests and stops them
 * after; after each test, checks that every request and answer matched
 * GitHub's API description, and clears faults and people's hooks.
 * @param options how the app is started (see startApp)
 */
export function useEmulatedGitHub(options?: Parameters<typeof startApp>[1]): EmulatedGitHub {
  const e2e = {} as EmulatedGitHub;
  beforeAll(async () => {
    e2e.github = await startEmulator();
    e2e.app = await startApp(e2e.github, options);
  }, 60_000);
  afterAll(async () => {
    await e2e.app?.stop();
    await e2e.github?.close();
  });
  afterEach(() => {
    const { emulator } = e2e.github;
    expect(emulator.violations).toEqual([]);
    emulator.violations.length = 0;
    emulator.faults.length = 0;
    emulator.beforeRequest = null;
  });
  return e2e;
}
