/**
 * The emulator behind HTTP on 127.0.0.1, and what a test or the demo does
 * with it: push revisions, open pull requests, press buttons, which send the
 * app signed deliveries as GitHub would.
 */
import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { sign } from "@octokit/webhooks-methods";
import { GitHubEmulator, type EmulatedCheckRun, type EmulatedRepository } from "./emulator.js";
import { renderIssuesPage } from "./issues-page.js";
import { APP_SLUG } from "./emulator.js";
import {
  checkRunActionPayload,
  commentPayload,
  issuePayload,
  pullRequestPayload,
  pushPayload,
} from "./payloads.js";
import { requestOnce } from "./request-once.js";

/** A running emulator. */
export interface RunningEmulator {
  emulator: GitHubEmulator;
  /** http://127.0.0.1:PORT */
  url: string;
  /** The host for the app's GHE_HOST. */
  host: string;
  /** Where deliveries go, and the secret they are signed with. */
  connect(appUrl: string, secret: string): void;
  /** Sends a delivery; `signature` overrides the right one, `id` redelivers one. */
  deliver(
    name: string,
    payload: unknown,
    options?: { signature?: string; body?: string; id?: string },
  ): Promise<number>;
  /** Commits changes on a branch and delivers the push. */
  push(
    repository: EmulatedRepository,
    changes: Record<string, string | Uint8Array | null>,
    branch?: string,
  ): Promise<string>;
  /** Commits changes on a branch and delivers a pull request's opening. */
  openPullRequest(
    repository: EmulatedRepository,
    changes: Record<string, string | Uint8Array | null>,
    number: number,
  ): Promise<string>;
  /** Presses a button of a check run, as a maintainer (by default the owner) does. */
  press(
    repository: EmulatedRepository,
    run: EmulatedCheckRun,
    identifier: string,
    user?: string,
  ): Promise<number>;
  /**
   * A person changes an issue (its state, title or body), and GitHub sends
   * the app the `issues` event of that change.
   */
  changeIssue(
    repository: EmulatedRepository,
    number: number,
    change: { state?: "open" | "closed"; title?: string; body?: string },
    user: string,
  ): Promise<number>;
  /**
   * When set, each issue the app opens, edits, closes or reopens comes back
   * to it as an `issues` event with the app as sender, as GitHub sends them.
   * Off by default: most tests need not pay for the deliveries.
   */
  issueEvents: boolean;
  /** Resolves once every `issues` event sent for the app's own writes was answered. */
  settled(): Promise<void>;
  /**
   * A person comments on an issue: the comment is added, and the
   * issue_comment delivery carries the issue as it is and the emulated time.
   */
  comment(
    repository: EmulatedRepository,
    issue: number,
    body: string,
    user: string,
  ): Promise<number>;
  close(): Promise<void>;
}

/**
 * Starts the emulator on a free loopback port. Besides the REST API (also
 * under /api/v3, as for GitHub Enterprise), it serves `POST /_emulator/sleep`
 * (the app's waits, on the emulated clock) and HTML pages of the issues.
 */
export async function startEmulator(emulator = new GitHubEmulator()): Promise<RunningEmulator> {
  let target: { url: string; secret: string } | null = null;
  const server: Server = createServer((request, response) => {
    void readBody(request).then((raw) => {
      const requested = request.url ?? "/";
      const url = requested.replace(/^\/api\/v3(?=\/)/, "");
      if (url.startsWith("/_emulator/sleep") && request.method === "POST") {
        const { ms } = JSON.parse(raw || "{}") as { ms?: number };
        emulator.advance(Number(ms) || 0);
        response.writeHead(204).end();
        return;
      }
      if (
        request.method === "GET" &&
        (url === "/" || /^\/[^/]+\/[^/]+\/issues(\/\d+)?$/.test(url))
      ) {
        response.writeHead(200, { "content-type": "text/html; charset=utf-8" });
        response.end(renderIssuesPage(emulator, url));
        return;
      }
      let body: unknown;
      try {
        body = raw ? JSON.parse(raw) : undefined;
      } catch {
        emulator.violations.push(`${request.method} ${url}: the body is not JSON`);
        response.writeHead(400, { "content-type": "application/json" });
        response.end(JSON.stringify({ message: "Problems parsing JSON" }));
        return;
      }
      const answer = emulator.handle({
        method: request.method ?? "GET",
        url,
        headers: request.headers as Record<string, string | undefined>,
        body,
        // Links lead back to where the request came: this host and port, and
        // /api/v3 when the client uses GitHub Enterprise's prefix.
        base: `http://${request.headers.host ?? `127.0.0.1:${request.socket.localPort}`}${requested === url ? "" : "/api/v3"}`,
      });
      if ("reset" in answer) {
        request.socket.destroy();
        return;
      }
      if (running.issueEvents && answer.status < 300)
        echoIssueWrite(request.method ?? "", url, answer.body);
      const send = () => {
        response.writeHead(answer.status, {
          "content-type": "application/json; charset=utf-8",
          ...answer.headers,
        });
        response.end(answer.body === undefined ? "" : JSON.stringify(answer.body));
      };
      if (answer.delayMs) setTimeout(send, answer.delayMs);
      else send();
    });
  });
  // The app's kept-alive connections stay open as GitHub's do, rather than
  // Node's five seconds, which a busy app may outlast and then write to a
  // connection just closed.
  server.keepAliveTimeout = 120_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  const deliver: RunningEmulator["deliver"] = async (name, payload, options = {}) => {
    if (!target) throw new Error("no app connected to deliver to");
    const body = options.body ?? JSON.stringify(payload);
    // Each delivery on a connection of its own, as GitHub sends them.
    const response = await requestOnce(`${target.url}/api/github/webhooks`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "x-github-event": name,
        "x-github-delivery": options.id ?? randomUUID(),
        "x-hub-signature-256": options.signature ?? (await sign(target.secret, body)),
      },
      body,
    });
    return response.status;
  };

  // GitHub tells the app of its own issue writes as it does of anyone's.
  const echoes = new Set<Promise<unknown>>();
  const echoIssueWrite = (method: string, url: string, body: unknown) => {
    const m = /^\/repos\/([^/]+)\/([^/]+)\/issues(?:\/\d+)?(?:\?|$)/.exec(url);
    if (!m || (method !== "POST" && method !== "PATCH")) return;
    const issue = body as { number: number; title: string; body: string; state: string };
    const repository = emulator.repository(m[1] as string, m[2] as string);
    const delivery = issuePayload(repository, {
      action: method === "POST" ? "opened" : "edited",
      issue: { ...issue, body: issue.body ?? "" },
      user: `${APP_SLUG}[bot]`,
    });
    const sent = deliver(delivery.name, delivery.payload).catch(() => undefined);
    echoes.add(sent);
    void sent.finally(() => echoes.delete(sent));
  };

  const running: RunningEmulator = {
    emulator,
    url: `http://127.0.0.1:${port}`,
    host: `127.0.0.1:${port}`,
    connect(appUrl, secret) {
      target = { url: appUrl, secret };
    },
    deliver,
    async push(repository, changes, branch = repository.defaultBranch) {
      const before = repository.branches.get(branch) ?? null;
      const after = repository.commit(changes, branch);
      const delivery = pushPayload(repository, {
        before,
        after,
        branch,
        commits: [{ sha: after, parent: before }],
      });
      await deliver(delivery.name, delivery.payload);
      return after;
    },
    async openPullRequest(repository, changes, number) {
      const head = repository.commit(changes, `pull-${number}`);
      const base = repository.branches.get(repository.defaultBranch) ?? null;
      const d = repository.diff(base, head);
      repository.pullFiles.set(number, [...d.added, ...d.modified, ...d.removed]);
      const delivery = pullRequestPayload(repository, { number, head });
      await deliver(delivery.name, delivery.payload);
      return head;
    },
    async comment(repository, number, body, user) {
      const issue = repository.issues.find((candidate) => candidate.number === number);
      if (!issue) throw new Error(`no issue #${number} in ${repository.fullName}`);
      const id = emulator.nextId();
      issue.comments.push({ id, body, user });
      const delivery = commentPayload(repository, {
        issue: number,
        body,
        user,
        id,
        current: { body: issue.body, comments: issue.comments.length, state: issue.state },
        createdAt: new Date(emulator.now()).toISOString(),
      });
      return deliver(delivery.name, delivery.payload);
    },
    async press(repository, run, identifier, user) {
      const delivery = checkRunActionPayload(repository, {
        checkRun: {
          id: run.id,
          head_sha: run.head_sha,
          name: run.name,
          external_id: run.external_id,
        },
        identifier,
        ...(user ? { user } : {}),
      });
      return deliver(delivery.name, delivery.payload);
    },
    async changeIssue(repository, number, change, user) {
      const issue = repository.issues.find((i) => i.number === number);
      if (!issue) throw new Error(`no issue #${number}`);
      const action =
        change.state === "closed" && issue.state === "open"
          ? "closed"
          : change.state === "open" && issue.state === "closed"
            ? "reopened"
            : "edited";
      if (change.state === "closed")
        Object.assign(issue, { state: "closed", state_reason: "completed" });
      if (change.state === "open")
        Object.assign(issue, { state: "open", state_reason: "reopened" });
      if (change.title !== undefined) issue.title = change.title;
      if (change.body !== undefined) issue.body = change.body;
      const delivery = issuePayload(repository, { action, issue, user });
      return deliver(delivery.name, delivery.payload);
    },
    issueEvents: false,
    async settled() {
      while (echoes.size > 0) await Promise.all([...echoes]);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return running;
}

/**
 * POSTs on a connection of its own, as GitHub's deliveries come: a pooled
 * keep-alive connection the app closes after 5 idle seconds could be taken
 * up just as it closes, and the delivery would fail for that alone.
 */
function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
  });
}
