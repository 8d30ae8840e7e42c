/**
 * The app started as `npm start` starts it, as a process of its own,
 * pointed at a running emulator.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { generateKeyPairSync } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { requestOnce } from "./request-once.js";
import type { RunningEmulator } from "./server.js";

/** A running app process. */
export interface RunningApp {
  url: string;
  process: ChildProcess;
  /** What the app logged, for a failing test to show. */
  output: () => string;
  /** Resolves once the app runs no sync (`GET /ideas-sync/idle`). */
  idle(): Promise<void>;
  stop(): Promise<void>;
}

const root = fileURLToPath(new URL("..", import.meta.url));

/**
 * Starts `src/server.ts` (what `npm start` runs, from the sources) with
 * `APP_ID`, a fresh `PRIVATE_KEY` and `WEBHOOK_SECRET`, its API at the
 * emulator (`GHE_HOST`) and, unless told otherwise, its waits on the
 * emulator's clock; and connects the emulator's deliveries to it.
 */
export async function startApp(
  github: RunningEmulator,
  options: {
    maxWaitSeconds?: number;
    /** Wait by the emulator's clock (default); false runs the app exactly as in production. */
    emulatedClock?: boolean;
    /** The webhook secret: replicas of one app share it. By default, a new one. */
    secret?: string;
    /** More of the environment, such as `DATABASE_URL`. */
    env?: Record<string, string>;
  } = {},
): Promise<RunningApp> {
  const port = await freePort();
  const secret = options.secret ?? `secret-${Math.random().toString(36).slice(2)}`;
  const { privateKey } = generateKeyPairSync("rsa", {
    modulusLength: 2048,
    privateKeyEncoding: { type: "pkcs1", format: "pem" },
    publicKeyEncoding: { type: "spki", format: "pem" },
  });
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "src/server.ts"], {
    cwd: root,
    env: {
      PATH: process.env.PATH,
      NODE_ENV: "production",
      APP_ID: "1",
      PRIVATE_KEY: privateKey,
      WEBHOOK_SECRET: secret,
      HOST: "127.0.0.1",
      PORT: String(port),
      LOG_FORMAT: "json",
      LOG_LEVEL: (process.env.IDEAS_SYNC_E2E_LOG || "warn") as NodeJS.ProcessEnv["LOG_LEVEL"],
      GHE_HOST: github.host,
      GHE_PROTOCOL: "http",
      ...(options.emulatedClock === false
        ? {}
        : {
            IDEAS_SYNC_CLOCK_URL: `${github.url}/_emulator/sleep`,
            IDEAS_SYNC_MAX_WAIT: String(options.maxWaitSeconds ?? 7200),
          }),
      ...options.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  // The app must not outlive whoever started it.
  const orphan = () => child.kill();
  process.once("exit", orphan);
  child.once("exit", () => process.off("exit", orphan));
  let output = "";
  child.stdout?.on("data", (chunk) => (output += chunk));
  child.stderr?.on("data", (chunk) => (output += chunk));
  const url = `http://127.0.0.1:${port}`;
  for (let attempt = 0; ; attempt += 1) {
    try {
      if ((await requestOnce(`${url}/ping`)).status === 200) break;
    } catch {
      // not listening yet
    }
    if (attempt > 300 || child.exitCode !== null)
      throw new Error(`the app did not start:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  github.connect(url, secret);
  return {
    url,
    process: child,
    output: () => output,
    async idle() {
      await requestOnce(`${url}/ideas-sync/idle`);
    },
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill();
      }),
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
