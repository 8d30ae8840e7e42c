/**
 * `npm start` as a process: refusing to start without a usable identity,
 * stopping on SIGTERM without losing track of running syncs, and bugs
 * reported as bugs. The emulator stands in for GitHub's API.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { generateKeyPairSync } from "node:crypto";
import { writeFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { requestOnce } from "../../emulator/request-once.js";
import { startEmulator, type RunningEmulator } from "../../emulator/server.js";
import { scratchDir } from "../support/scratch-dir.js";

const root = fileURLToPath(new URL("../..", import.meta.url));
const CONFIG = ".github/ideas-sync.yml";
const DOC = "doc/ideas.txt";
const CONFIG_TEXT = `documents:\n  - path: ${DOC}\n    tracking-label: idea\n    dashboard: false\n`;

const { privateKey } = generateKeyPairSync("rsa", {
  modulusLength: 2048,
  privateKeyEncoding: { type: "pkcs1", format: "pem" },
  publicKeyEncoding: { type: "spki", format: "pem" },
});

interface Started {
  child: ChildProcess;
  url: string;
  output: () => string;
  /** Resolves with the exit code. */
  exited: Promise<number | null>;
  /** Resolves once a line of the output matches. */
  line: (pattern: RegExp) => Promise<string>;
}

const started: Started[] = [];
let github: RunningEmulator | undefined;

afterEach(async () => {
  for (const app of started.splice(0)) if (app.child.exitCode === null) app.child.kill("SIGKILL");
  await github?.close();
  github = undefined;
});

/** Starts src/server.ts (what `npm start` runs) with exactly `env`, plus PATH, HOST and PORT. */
async function start(env: Record<string, string>): Promise<Started> {
  const port = await freePort();
  const child = spawn(process.execPath, ["--import", "tsx", "src/server.ts"], {
    cwd: root,
    env: { PATH: process.env.PATH, HOST: "127.0.0.1", PORT: String(port), ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const waiting: Array<{ pattern: RegExp; resolve: (line: string) => void }> = [];
  const onData = (chunk: Buffer) => {
    output += chunk.toString();
    for (const wait of [...waiting]) {
      const found = output.split("\n").find((l) => wait.pattern.test(l));
      if (found !== undefined) {
        waiting.splice(waiting.indexOf(wait), 1);
        wait.resolve(found);
      }
    }
  };
  child.stdout.on("data", onData);
  child.stderr.on("data", onData);
  const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
  const app: Started = {
    child,
    url: `http://127.0.0.1:${port}`,
    output: () => output,
    exited,
    line: (pattern) =>
      Promise.race([
        new Promise<string>((resolve) => {
          const found = output.split("\n").find((l) => pattern.test(l));
          if (found !== undefined) resolve(found);
          else waiting.push({ pattern, resolve });
        }),
        exited.then((code) => {
          throw new Error(`exited (${code}) before logging ${pattern}:\n${output}`);
        }),
      ]),
  };
  started.push(app);
  return app;
}

/** The app with a usable identity, its API at the emulator, logging JSON at info level. */
async function startConnected(env: Record<string, string> = {}): Promise<Started> {
  github = await startEmulator();
  const secret = "a-secret";
  const app = await start({
    NODE_ENV: "production",
    APP_ID: "1",
    PRIVATE_KEY: privateKey,
    WEBHOOK_SECRET: secret,
    LOG_FORMAT: "json",
    LOG_LEVEL: "info",
    GHE_HOST: github.host,
    GHE_PROTOCOL: "http",
    // Waits by the emulator's clock: the test waits for nothing but the faults.
    IDEAS_SYNC_CLOCK_URL: `${github.url}/_emulator/sleep`,
    ...env,
  });
  await app.line(/Listening on/);
  github.connect(app.url, secret);
  return app;
}

/** JSON log lines of the app. */
function logLines(app: Started): Array<Record<string, unknown>> {
  return app
    .output()
    .split("\n")
    .filter((line) => line.startsWith("{"))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

describe("npm start refuses a deployment that cannot work", () => {
  const keyFile = join(scratchDir("key"), "key.pem");
  writeFileSync(keyFile, privateKey);
  const cases: Array<[string, Record<string, string>, RegExp]> = [
    [
      "a key file that is not there",
      { APP_ID: "1", PRIVATE_KEY_PATH: "/nonexistent/key.pem", WEBHOOK_SECRET: "s" },
      /^ideas-sync cannot start: PRIVATE_KEY_PATH \(\/nonexistent\/key\.pem\): cannot read the file \(ENOENT\)$/,
    ],
    [
      "a malformed key",
      {
        APP_ID: "1",
        PRIVATE_KEY: "-----BEGIN RSA PRIVATE KEY-----\nnot a key\n-----END RSA PRIVATE KEY-----",
        WEBHOOK_SECRET: "s",
      },
      /^ideas-sync cannot start: PRIVATE_KEY: not an RSA private key in PEM format$/,
    ],
    [
      "no webhook secret",
      { APP_ID: "1", PRIVATE_KEY_PATH: keyFile },
      /^ideas-sync cannot start: WEBHOOK_SECRET is not set/,
    ],
    [
      "no key at all",
      { APP_ID: "1", WEBHOOK_SECRET: "s" },
      /^ideas-sync cannot start: APP_ID is set but neither PRIVATE_KEY nor PRIVATE_KEY_PATH is$/,
    ],
    [
      "an APP_ID that is no number",
      { APP_ID: "my-app", PRIVATE_KEY_PATH: keyFile, WEBHOOK_SECRET: "s" },
      /^ideas-sync cannot start: APP_ID is "my-app"/,
    ],
  ];
  it.each(cases)("%s: one line on stderr, exit 1, never listening", async (_, env, message) => {
    const app = await start(env);
    expect(await app.exited).toBe(1);
    expect(app.output().trimEnd().split("\n")).toEqual([expect.stringMatching(message)]);
  });

  it("starts Probot's setup page without APP_ID, with no SmeeClient warning", async () => {
    const app = await start({});
    await app.line(/Listening on/);
    expect((await requestOnce(`${app.url}/ping`)).status).toBe(200);
    expect(app.output()).toContain("setup mode");
    expect(app.output()).not.toMatch(/smee/i);
  });
});

/** Pushes the configuration and a document of one idea; the push is delivered and answered. */
async function pushIdea(repository = "ideas"): Promise<{ status: number; sha: string }> {
  const repo = (github as RunningEmulator).emulator.repository("genode", repository);
  const { pushPayload } = await import("../../emulator/payloads.js");
  const sha = repo.commit({ [CONFIG]: CONFIG_TEXT, [DOC]: ":An idea:\n\n  Text.\n" });
  const { payload } = pushPayload(repo, {
    before: null,
    after: sha,
    commits: [{ sha, parent: null }],
  });
  return { status: await (github as RunningEmulator).deliver("push", payload), sha };
}

describe("SIGTERM", () => {
  it("answers new deliveries 503, lets a running sync finish and report, and exits 0", async () => {
    const app = await startConnected({ IDEAS_SYNC_GRACE_SECONDS: "60" });
    const gh = github as RunningEmulator;
    // The sync's check run is answered late: the sync is still running at the signal.
    gh.emulator.inject({
      method: "POST",
      path: /\/check-runs$/,
      kind: { delayMs: 3000 },
      times: 1,
    });
    expect((await pushIdea()).status).toBe(200);
    app.child.kill("SIGTERM");
    const draining = JSON.parse(await app.line(/new deliveries are answered 503/)) as unknown;
    expect(draining).toMatchObject({ signal: "SIGTERM", running: 1 });
    expect((await pushIdea("other")).status).toBe(503);
    expect(await app.exited).toBe(0);
    const repo = gh.emulator.repository("genode", "ideas");
    expect(repo.checkRuns.map((run) => run.conclusion)).toEqual(["success"]);
    expect(gh.emulator.repository("genode", "other").checkRuns).toEqual([]);
    expect(logLines(app).at(-1)).toMatchObject({ level: 30, msg: "stopped: every sync finished" });
  });

  it("cuts a sync still running at the deadline, names it at error level, and exits 1", async () => {
    const app = await startConnected({ IDEAS_SYNC_GRACE_SECONDS: "1" });
    const gh = github as RunningEmulator;
    gh.emulator.inject({
      method: "POST",
      path: /\/check-runs$/,
      kind: { delayMs: 20_000 },
      times: 1,
    });
    expect((await pushIdea()).status).toBe(200);
    app.child.kill("SIGTERM");
    expect(await app.exited).toBe(1);
    // The line naming the unfinished sync is out before the process exits.
    const last = logLines(app).find((line) => /^stopped/.test(String(line.msg)));
    expect(last).toMatchObject({
      level: 50,
      left: [{ event: "push", repository: "genode/ideas" }],
    });
    expect(String(last?.msg)).toMatch(/^stopped at the deadline with 1 sync unfinished \(push /);
  });
});

describe("a bug in ideas-sync", () => {
  it("is logged at error level with its stack, and the check run says it is a bug", async () => {
    // The clock the app waits by between writes is at a closed port: fetch
    // throws a TypeError there, in the app's own code, as a bug would.
    const closed = await freePort();
    const app = await startConnected({
      IDEAS_SYNC_CLOCK_URL: `http://127.0.0.1:${closed}/_emulator/sleep`,
    });
    const gh = github as RunningEmulator;
    const { status, sha } = await pushIdea();
    expect(status).toBe(200);
    await requestOnce(`${app.url}/ideas-sync/idle`);
    const line = logLines(app).find((l) => l.msg === "bug in ideas-sync: push failed") as
      { level: number; delivery: string; err: { type: string; stack: string } } | undefined;
    expect(line).toMatchObject({ level: 50, err: { type: "TypeError" } });
    // Node 24 puts the cause before the frames; Node 20 after them.
    expect(line?.err.stack).toMatch(/^TypeError: fetch failed\n/);
    expect(line?.err.stack).toMatch(/\n\s+at /);
    expect(logLines(app).filter((l) => l.msg === "sync failed")).toEqual([]);
    const runs = gh.emulator.repository("genode", "ideas").checkRuns;
    expect(runs.map((run) => [run.head_sha, run.conclusion, run.output?.title])).toEqual([
      [sha, "failure", "A bug in ideas-sync stopped this sync"],
    ]);
    expect(runs[0]?.output?.summary).toContain(`delivery \`${line?.delivery}\``);
    expect(runs[0]?.output?.summary).toContain("TypeError: fetch failed");
  });
});
