/**
 * The app started as `npm start` starts it, with only the production
 * settings (`APP_ID`, `PRIVATE_KEY`, `WEBHOOK_SECRET`, `GHE_HOST`), receiving
 * deliveries over HTTP; the emulator stands in for GitHub's API.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pushPayload } from "../../emulator/payloads.js";
import { startEmulator, type RunningEmulator } from "../../emulator/server.js";
import { startApp, type RunningApp } from "../../emulator/start-app.js";
import { requestOnce } from "../../emulator/request-once.js";

let github: RunningEmulator;
let app: RunningApp;

beforeAll(async () => {
  github = await startEmulator();
  app = await startApp(github, { emulatedClock: false });
}, 30_000);

afterAll(async () => {
  await app?.stop();
  await github?.close();
});

/** A push of a document to a repository without a configuration. */
function delivery() {
  const repo = github.emulator.repository("genode", "ideas");
  const sha = repo.commit({ "doc/ideas.txt": ":An idea:\n\n  Text.\n" });
  return {
    sha,
    ...pushPayload(repo, { before: null, after: sha, commits: [{ sha, parent: null }] }),
  };
}

describe("npm start", () => {
  it("serves /ping", async () => {
    // Not fetch: see requestOnce.
    const response = await requestOnce(`${app.url}/ping`);
    expect(response.status).toBe(200);
    expect(response.text).toBe("PONG");
  });

  it("rejects a delivery with a wrong signature and asks GitHub nothing", async () => {
    const { payload } = delivery();
    const requests = github.emulator.log.length;
    expect(await github.deliver("push", payload, { signature: `sha256=${"0".repeat(64)}` })).toBe(
      400,
    );
    await app.idle();
    expect(github.emulator.log.length).toBe(requests);
  });

  it("accepts a signed delivery and acts on it", async () => {
    const { sha, payload } = delivery();
    const requests = github.emulator.log.length;
    expect(await github.deliver("push", payload)).toBe(200);
    await app.idle();
    // Without a configuration file, reading it is all a push costs.
    expect(github.emulator.log.slice(requests).map((r) => `${r.method} ${r.path}`)).toEqual([
      "POST /app/installations/42/access_tokens",
      `GET /repos/genode/ideas/contents/.github%2Fideas-sync.yml?ref=${sha}`,
    ]);
    expect(github.emulator.violations).toEqual([]);
  });
});
