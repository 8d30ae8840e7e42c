/**
 * The app started as `npm start` starts it: Probot's server, configured by
 * the environment, receiving signed deliveries over HTTP.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { generateKeyPairSync } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { sign } from "@octokit/webhooks-methods";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { root } from "../support/cli.js";
import { FakeGitHub } from "../support/fake-github.js";
import { pushPayload } from "../support/webhooks.js";

const SECRET = "a webhook secret";
let app: ChildProcess;
let api: Server;
let appUrl = "";
const apiRequests: string[] = [];

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

beforeAll(async () => {
  // A loopback stand-in for GitHub's API: it answers the token exchange and
  // has no configuration file, and records what the app asked.
  api = createServer((request, response) => {
    apiRequests.push(`${request.method} ${request.url}`);
    if (request.method === "POST" && /\/access_tokens$/.test(request.url ?? "")) {
      response.writeHead(201, { "content-type": "application/json" });
      response.end(
        JSON.stringify({ token: "installation-token", expires_at: "2099-01-01T00:00:00Z" }),
      );
      return;
    }
    response.writeHead(404, { "content-type": "application/json" });
    response.end(JSON.stringify({ message: "Not Found" }));
  });
  await new Promise<void>((resolve) => api.listen(0, "127.0.0.1", resolve));
  const apiPort = (api.address() as AddressInfo).port;
  const port = await freePort();
  const { privateKey } = generateKeyPairSync("rsa", {
    modulusLength: 2048,
    privateKeyEncoding: { type: "pkcs1", format: "pem" },
    publicKeyEncoding: { type: "spki", format: "pem" },
  });
  app = spawn(process.execPath, ["--import", "tsx", join(root, "src/server.ts")], {
    cwd: root,
    env: {
      PATH: process.env.PATH,
      APP_ID: "12345",
      PRIVATE_KEY: privateKey,
      WEBHOOK_SECRET: SECRET,
      PORT: String(port),
      HOST: "127.0.0.1",
      LOG_FORMAT: "json",
      LOG_LEVEL: "info",
      GHE_HOST: `127.0.0.1:${apiPort}`,
      GHE_PROTOCOL: "http",
      NODE_ENV: "production",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  appUrl = `http://127.0.0.1:${port}`;
  for (let attempt = 0; attempt < 200; attempt += 1) {
    try {
      if ((await fetch(`${appUrl}/ping`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error("the app did not start");
}, 30_000);

afterAll(async () => {
  app?.kill();
  await new Promise<void>((resolve) => (api ? api.close(() => resolve()) : resolve()));
});

async function deliver(body: string, signature: string): Promise<Response> {
  return fetch(`${appUrl}/api/github/webhooks`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "x-github-event": "push",
      "x-github-delivery": `d-${Math.random()}`,
      "x-hub-signature-256": signature,
    },
    body,
  });
}

describe("npm start", () => {
  it("serves /ping", async () => {
    const response = await fetch(`${appUrl}/ping`);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe("PONG");
  });

  it("rejects a delivery with a wrong signature and asks GitHub nothing", async () => {
    const github = new FakeGitHub();
    const sha = github.commit({ "doc/ideas.txt": ":An idea:\n\n  Text.\n" });
    const body = JSON.stringify(
      pushPayload(github, { before: null, after: sha, commits: [{ sha, parent: null }] }).payload,
    );
    apiRequests.length = 0;
    const response = await deliver(body, await sign("another secret", body));
    expect(response.status).toBe(400);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(apiRequests).toEqual([]);
  });

  it("accepts a signed delivery and acts on it", async () => {
    const github = new FakeGitHub();
    const sha = github.commit({ "doc/ideas.txt": ":An idea:\n\n  Text.\n" });
    const body = JSON.stringify(
      pushPayload(github, { before: null, after: sha, commits: [{ sha, parent: null }] }).payload,
    );
    apiRequests.length = 0;
    const response = await deliver(body, await sign(SECRET, body));
    expect(response.status).toBe(200);
    // The run goes on after the answer.
    for (let i = 0; i < 50 && apiRequests.length < 2; i += 1)
      await new Promise((resolve) => setTimeout(resolve, 100));
    // Without a configuration file, reading it is all a push costs.
    expect(apiRequests).toEqual([
      "POST /api/v3/app/installations/42/access_tokens",
      `GET /api/v3/repos/genode/ideas/contents/.github%2Fideas-sync.yml?ref=${sha}`,
    ]);
  });
});
