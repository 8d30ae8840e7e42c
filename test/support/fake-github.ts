/**
 * The emulator behind nock, for the app's handler tests: the same GitHub as
 * the end-to-end tests (held to GitHub's API description and limits), with a
 * log of every request and its body.
 */
import nock from "nock";
import {
  APP_SLUG,
  GitHubEmulator,
  type EmulatedIssue,
  type EmulatedRepository,
} from "../../emulator/emulator.js";

/** A request the app made. */
export interface LoggedRequest {
  method: string;
  /** Path and query, decoded, as `/repos/o/r/contents/doc/ideas.md?ref=…`. */
  path: string;
  body: unknown;
}

/** The app's bot login in the emulator. */
export const BOT = `${APP_SLUG}[bot]`;

/** One repository of an emulated GitHub, as nock answers for it. */
export class FakeGitHub {
  readonly emulator = new GitHubEmulator();
  readonly repository: EmulatedRepository;
  readonly requests: LoggedRequest[] = [];
  readonly base: string;

  constructor(owner = "genode", repo = "ideas", defaultBranch = "main") {
    this.repository = this.emulator.repository(owner, repo, defaultBranch);
    this.base = `/repos/${owner}/${repo}`;
  }

  get owner(): string {
    return this.repository.owner;
  }
  get repo(): string {
    return this.repository.repo;
  }
  get defaultBranch(): string {
    return this.repository.defaultBranch;
  }
  get htmlUrl(): string {
    return this.repository.htmlUrl;
  }
  get branches() {
    return this.repository.branches;
  }
  get issues(): EmulatedIssue[] {
    return this.repository.issues;
  }
  get labels() {
    return this.repository.labels;
  }
  get checkRuns() {
    return this.repository.checkRuns;
  }
  get reactions() {
    return this.repository.reactions;
  }
  get permissions() {
    return this.repository.permissions;
  }
  get pullFiles() {
    return this.repository.pullFiles;
  }
  /** Requests or answers that are not GitHub's: tests expect none. */
  get refused(): string[] {
    return this.emulator.violations;
  }

  /** Every comment on every issue, oldest first. */
  get comments(): Array<{ id: number; issue: number; body: string; user: string }> {
    return this.issues
      .flatMap((issue) => issue.comments.map((c) => ({ ...c, issue: issue.number })))
      .sort((a, b) => a.id - b.id);
  }

  commit(changes: Record<string, string | null>, branch = this.defaultBranch): string {
    return this.repository.commit(changes, branch);
  }

  diff(before: string | null, after: string) {
    return this.repository.diff(before, after);
  }

  /** Moves a branch to a commit, as a forced push does. */
  reset(branch: string, sha: string): void {
    this.repository.branches.set(branch, sha);
  }

  /** Makes the next `times` requests matching `method` and `path` fail. */
  fail(
    method: string,
    path: RegExp,
    status: number,
    options: { headers?: Record<string, string>; message?: string; times?: number } = {},
  ): void {
    const retryAfter = options.headers?.["retry-after"];
    this.emulator.inject({
      method,
      path,
      kind: {
        status,
        ...(retryAfter ? { retryAfter: Number(retryAfter) } : {}),
        ...(options.message ? { message: options.message } : {}),
      },
      times: options.times ?? 1,
    });
  }

  /** Requests made, as "METHOD path" without the query, issue numbers as N. */
  calls(): string[] {
    return this.requests.map(
      (r) =>
        `${r.method} ${(r.path.split("?")[0] as string).replace(/\/issues\/\d+/, "/issues/N")}`,
    );
  }

  /** Writes made (anything but GET). */
  writes(): LoggedRequest[] {
    return this.requests.filter((r) => r.method !== "GET");
  }

  /** Clears the request log. */
  clearLog(): void {
    this.requests.length = 0;
  }

  /** Answers requests to api.github.com until nock is cleaned. */
  intercept(): nock.Scope {
    const scope = nock("https://api.github.com").persist();
    const emulator = this.emulator;
    const requests = this.requests;
    const handle = (method: string) =>
      function (this: nock.ReplyFnContext, uri: string, raw: nock.Body): nock.ReplyFnResult {
        const body = typeof raw === "string" && raw !== "" ? JSON.parse(raw) : raw || undefined;
        requests.push({
          method,
          path: decodeURIComponent(uri),
          body: method === "GET" ? undefined : body,
        });
        const header = this.req.headers.authorization;
        const answer = emulator.handle({
          method,
          url: uri,
          headers: { authorization: Array.isArray(header) ? header[0] : header },
          body,
        });
        if ("reset" in answer) throw new Error("the emulator reset the connection");
        return [answer.status, answer.body as nock.Body, answer.headers];
      };
    scope.get(/.*/).reply(handle("GET"));
    scope.post(/.*/).reply(handle("POST"));
    scope.patch(/.*/).reply(handle("PATCH"));
    return scope;
  }
}
