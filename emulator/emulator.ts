/**
 * A stateful GitHub for the endpoints ideas-sync uses, held to GitHub's own
 * API description and limits. Transport-free: `handle` takes a request and
 * returns the answer; `server.ts` puts it behind HTTP.
 */
import { createHash } from "node:crypto";
import type { PayloadRepository } from "./payloads.js";
import { openApi, type Operation } from "./openapi.js";

type Json = Record<string, unknown>;

/** A request as the emulator sees it. */
export interface EmulatorRequest {
  method: string;
  /** Path and query, as sent (path segments still encoded). */
  url: string;
  headers: Record<string, string | undefined>;
  body: unknown;
  /**
   * Where the API was reached, such as `http://127.0.0.1:PORT/api/v3`: the
   * `Link` headers of paged lists name it, so that following them comes back
   * here. By default https://api.github.com, where nock puts the emulator.
   */
  base?: string;
}

/** An answer, or a fault that has no answer. */
export type EmulatorResponse =
  | { status: number; headers: Record<string, string>; body: unknown; delayMs?: number }
  | { reset: true };

/** A fault to inject on matching requests. */
export interface Fault {
  method: string;
  path: RegExp;
  kind:
    | {
        status: number;
        retryAfter?: number;
        message?: string;
        /** Make the write, then answer with the error (GitHub may do so on a 5xx). */
        applied?: boolean;
      }
    | "reset"
    | { delayMs: number }
    /** Revokes every installation token given so far (401 from then on); new ones work. */
    | "revoke";
  times: number;
  /** Matching requests to let through first: where in a run the fault strikes. */
  after?: number;
}

/** An issue the emulator holds. */
export interface EmulatedIssue {
  number: number;
  title: string;
  body: string;
  state: "open" | "closed";
  state_reason: string | null;
  labels: string[];
  creator: string;
  comments: Array<{ id: number; body: string; user: string }>;
}

/** A check run the emulator holds. */
export interface EmulatedCheckRun {
  id: number;
  name: string;
  head_sha: string;
  conclusion: string;
  external_id: string;
  output: { title: string; summary: string; text?: string; annotations: unknown[] };
  actions: Array<{ label: string; identifier: string; description: string }>;
}

interface Commit {
  parent: string | null;
  files: Map<string, Uint8Array>;
}

/** The bot login the emulated app's writes are made as. */
export const APP_SLUG = "ideas-sync";
const BOT = `${APP_SLUG}[bot]`;

/** Who writes with a workflow's GITHUB_TOKEN, as GitHub names it. */
export const WORKFLOW_BOT = "github-actions[bot]";

/** GitHub's limit on a check run's summary and on its text, in bytes of UTF-8. */
export const CHECK_OUTPUT_MAX_BYTES = 65_535;

/** GitHub's limits on content-creating requests. */
export const SECONDARY_LIMITS = { perMinute: 80, perHour: 500 };

/** One repository: files, branches, issues, labels, check runs. */
export class EmulatedRepository implements PayloadRepository {
  readonly branches = new Map<string, string>();
  readonly commits = new Map<string, Commit>();
  readonly issues: EmulatedIssue[] = [];
  readonly labels: Array<{ id: number; name: string; color: string; description: string }> = [];
  readonly checkRuns: EmulatedCheckRun[] = [];
  readonly reactions: Array<{ comment: number; content: string }> = [];
  readonly permissions = new Map<string, string>();
  readonly pullFiles = new Map<number, string[]>();
  #commitCount = 0;

  constructor(
    readonly owner: string,
    readonly repo: string,
    readonly defaultBranch = "main",
  ) {}

  get fullName(): string {
    return `${this.owner}/${this.repo}`;
  }

  get htmlUrl(): string {
    return `https://github.com/${this.fullName}`;
  }

  /**
   * Commits changes (null removes a file) on a branch, which starts from the
   * default branch when new.
   * @returns the commit's SHA
   */
  commit(changes: Record<string, string | Uint8Array | null>, branch = this.defaultBranch): string {
    const parent = this.branches.get(branch) ?? this.branches.get(this.defaultBranch) ?? null;
    const files = new Map(parent ? this.commits.get(parent)?.files : []);
    for (const [path, content] of Object.entries(changes)) {
      if (content === null) files.delete(path);
      else
        files.set(path, typeof content === "string" ? new TextEncoder().encode(content) : content);
    }
    this.#commitCount += 1;
    const sha = createHash("sha1").update(`${this.fullName} ${this.#commitCount}`).digest("hex");
    this.commits.set(sha, { parent, files });
    this.branches.set(branch, sha);
    return sha;
  }

  /** A file at a commit or branch, if it is there. */
  file(ref: string, path: string): Uint8Array | undefined {
    return this.commits.get(this.branches.get(ref) ?? ref)?.files.get(path);
  }

  diff(before: string | null, after: string) {
    const old = (before && this.commits.get(before)?.files) || new Map<string, Uint8Array>();
    const now = this.commits.get(after)?.files ?? new Map<string, Uint8Array>();
    const same = (a?: Uint8Array, b?: Uint8Array) =>
      !!a && !!b && Buffer.from(a).equals(Buffer.from(b));
    return {
      added: [...now.keys()].filter((p) => !old.has(p)),
      removed: [...old.keys()].filter((p) => !now.has(p)),
      modified: [...now.keys()].filter((p) => old.has(p) && !same(old.get(p), now.get(p))),
    };
  }
}

/** The emulated GitHub: repositories, the clock, limits and faults. */
export class GitHubEmulator {
  readonly repositories = new Map<string, EmulatedRepository>();
  /** Requests or answers that do not match GitHub's API description: tests expect none. */
  readonly violations: string[] = [];
  /** Every request, as "METHOD /path" with the query. */
  readonly log: Array<{ method: string; path: string; status: number; at: number }> = [];
  /** Requests refused by the secondary limit, by "METHOD path body". */
  readonly refusals = new Map<string, number>();
  /**
   * Content-creating requests sent while a `retry-after` GitHub gave was
   * still running: GitHub asks clients to wait it out, and may ban those
   * that do not. An app that serialises an installation's writes sends none.
   */
  readonly ignoredRetryAfter: string[] = [];
  readonly faults: Fault[] = [];
  /**
   * Called before each request is answered: what people do on GitHub while
   * the app works (a test edits an issue as a request of the app arrives).
   */
  beforeRequest: ((method: string, path: string) => void) | null = null;
  /** The primary limit per installation and hour. */
  primaryLimit = 5000;
  #clock = Date.parse("2026-01-05T09:00:00Z");
  #created: number[] = [];
  #limitedUntil = 0;
  #primaryUsed = 0;
  #primaryReset = this.#clock + 3_600_000;
  #ids = 1000;
  readonly #tokens = new Set<string>();
  readonly #revoked = new Set<string>();
  /** Tokens that write as someone other than the app: a workflow's GITHUB_TOKEN. */
  readonly #actors = new Map<string, string>();

  /** The emulated time, in ms since the epoch. */
  now(): number {
    return this.#clock;
  }

  /** A new id for something a person makes (a comment), from the ids the emulator gives. */
  nextId(): number {
    return this.#ids++;
  }

  /** Requests counted against the primary limit since it last reset. */
  get primaryUsed(): number {
    return this.#primaryUsed;
  }

  /** Revokes every installation token given so far: requests with one get a 401. */
  revokeTokens(): void {
    for (const token of this.#tokens) this.#revoked.add(token);
  }

  /**
   * A token like the GITHUB_TOKEN GitHub gives a workflow run: issues and
   * comments made with it are `github-actions[bot]`'s, as other workflows'
   * are, rather than the app's.
   */
  workflowToken(): string {
    const token = `ghs_workflow${this.#ids++}`;
    this.#actors.set(token, WORKFLOW_BOT);
    return token;
  }

  /** Moves the emulated time on: waits take no real time. */
  advance(milliseconds: number): void {
    this.#clock += Math.max(0, milliseconds);
  }

  /** Adds (or returns) a repository. */
  repository(owner: string, repo: string, defaultBranch = "main"): EmulatedRepository {
    const key = `${owner}/${repo}`;
    let found = this.repositories.get(key);
    if (!found) {
      found = new EmulatedRepository(owner, repo, defaultBranch);
      this.repositories.set(key, found);
    }
    return found;
  }

  /** Makes the next `times` matching requests fail. */
  inject(fault: Fault): void {
    this.faults.push(fault);
  }

  /** Answers one request of the REST API (paths without /api/v3). */
  handle(request: EmulatorRequest): EmulatorResponse {
    const url = new URL(request.url, "http://emulator");
    const path = url.pathname;
    this.beforeRequest?.(request.method.toUpperCase(), path);
    const operation = openApi().find(request.method, path);
    const answer = this.#answer(request, url, operation);
    if ("reset" in answer) {
      this.log.push({ method: request.method, path: request.url, status: 0, at: this.#clock });
      return answer;
    }
    this.log.push({
      method: request.method,
      path: request.url,
      status: answer.status,
      at: this.#clock,
    });
    // GitHub dates every answer by its clock; here, the emulated one.
    answer.headers = { date: new Date(this.#clock).toUTCString(), ...answer.headers };
    // Errors GitHub may send for any operation (rate limits, faults) are
    // left out of most operations' descriptions: checked where described.
    const described = operation && String(answer.status) in (operation.operation.responses as Json);
    if (operation && (described || (answer.status >= 200 && answer.status < 300))) {
      for (const problem of openApi().checkResponse(operation, answer.status, answer.body))
        this.violations.push(`answer to ${request.method} ${path} (${answer.status}): ${problem}`);
    }
    return answer;
  }

  #answer(request: EmulatorRequest, url: URL, operation: Operation | null): EmulatorResponse {
    const method = request.method.toUpperCase();
    const path = url.pathname;
    if (!operation) {
      this.violations.push(`${method} ${path}: no such operation in GitHub's API description`);
      return this.#error(404, "Not Found");
    }
    const problems = [
      ...openApi().checkQuery(operation, url.searchParams),
      ...(method === "GET" ? [] : openApi().checkRequest(operation, request.body)),
    ];
    for (const problem of problems) this.violations.push(`${method} ${path}: ${problem}`);
    // Half an emoji (a lone UTF-16 surrogate, left by cutting a string in
    // JavaScript) cannot be written as UTF-8: such a request is broken text.
    if (hasLoneSurrogate(request.body))
      this.violations.push(`${method} ${path}: a string holds half a character (a lone surrogate)`);
    const auth = request.headers.authorization ?? "";
    if (!/^(token|bearer) \S+/i.test(auth)) return this.#error(401, "Requires authentication");
    if (this.#revoked.has(auth.replace(/^\S+\s+/, ""))) return this.#error(401, "Bad credentials");
    const fault = this.faults.find((f) => f.times > 0 && f.method === method && f.path.test(path));
    if (fault && (fault.after ?? 0) > 0) fault.after = (fault.after as number) - 1;
    else if (fault) {
      fault.times -= 1;
      if (fault.kind === "reset") return { reset: true };
      if (fault.kind === "revoke") {
        this.revokeTokens();
        return this.#error(401, "Bad credentials");
      }
      if ("delayMs" in fault.kind) {
        const answer = this.#route(method, path, url, request, operation);
        return "reset" in answer ? answer : { ...answer, delayMs: fault.kind.delayMs };
      }
      if (fault.kind.applied) this.#route(method, path, url, request, operation);
      const headers: Record<string, string> = fault.kind.retryAfter
        ? { "retry-after": String(fault.kind.retryAfter) }
        : {};
      return this.#error(
        fault.kind.status,
        fault.kind.message ?? (fault.kind.status >= 500 ? "Server Error" : "Forbidden"),
        headers,
      );
    }
    // The primary limit: so many requests per hour, told in every answer.
    if (this.#clock >= this.#primaryReset) {
      this.#primaryUsed = 0;
      this.#primaryReset = this.#clock + 3_600_000;
    }
    const limitHeaders = () => ({
      "x-ratelimit-limit": String(this.primaryLimit),
      "x-ratelimit-remaining": String(Math.max(0, this.primaryLimit - this.#primaryUsed)),
      "x-ratelimit-used": String(this.#primaryUsed),
      "x-ratelimit-reset": String(Math.floor(this.#primaryReset / 1000)),
      "x-ratelimit-resource": "core",
    });
    if (!path.startsWith("/app")) {
      if (this.#primaryUsed >= this.primaryLimit)
        return this.#error(403, "API rate limit exceeded", limitHeaders());
      this.#primaryUsed += 1;
    }
    // The secondary limit on creating content: 80 a minute, 500 an hour.
    if (isContentCreation(method, path)) {
      if (this.#clock < this.#limitedUntil) this.ignoredRetryAfter.push(`${method} ${path}`);
      this.#created = this.#created.filter((at) => at > this.#clock - 3_600_000);
      const lastMinute = this.#created.filter((at) => at > this.#clock - 60_000);
      const wait =
        lastMinute.length >= SECONDARY_LIMITS.perMinute
          ? (lastMinute[0] as number) + 60_000 - this.#clock
          : this.#created.length >= SECONDARY_LIMITS.perHour
            ? (this.#created[0] as number) + 3_600_000 - this.#clock
            : 0;
      if (wait > 0) {
        const key = `${method} ${path} ${JSON.stringify(request.body)}`;
        this.refusals.set(key, (this.refusals.get(key) ?? 0) + 1);
        this.#limitedUntil = Math.max(
          this.#limitedUntil,
          this.#clock + Math.ceil(wait / 1000) * 1000,
        );
        return this.#error(
          403,
          "You have exceeded a secondary rate limit. Please wait a few minutes before you try again.",
          { ...limitHeaders(), "retry-after": String(Math.ceil(wait / 1000)) },
        );
      }
      this.#created.push(this.#clock);
    }
    const answer = this.#route(method, path, url, request, operation);
    if ("reset" in answer) return answer;
    return { ...answer, headers: { ...limitHeaders(), ...answer.headers } };
  }

  #route(
    method: string,
    path: string,
    url: URL,
    request: EmulatorRequest,
    operation: Operation,
  ): Exclude<EmulatorResponse, { reset: true }> {
    const api = openApi();
    const example = (status: number) => api.example(operation, status) as Json;
    const body = (request.body ?? {}) as Json;
    const actor =
      this.#actors.get((request.headers.authorization ?? "").replace(/^\S+\s+/, "")) ?? BOT;
    if (path === "/app") {
      return this.#ok(200, { ...example(200), slug: APP_SLUG, name: APP_SLUG });
    }
    if (/^\/app\/installations\/\d+\/access_tokens$/.test(path)) {
      // Tokens live an hour of real time: the app caches them by the wall clock.
      const expires = new Date(Date.now() + 3_600_000).toISOString().replace(/\.\d+Z$/, "Z");
      const token = `ghs_emulated${this.#ids++}`;
      this.#tokens.add(token);
      return this.#ok(201, {
        ...example(201),
        token,
        expires_at: expires,
      });
    }
    const match = /^\/repos\/([^/]+)\/([^/]+)(\/.*)?$/.exec(path);
    const repository = match && this.repositories.get(`${match[1]}/${match[2]}`);
    if (!match || !repository) return this.#error(404, "Not Found");
    const rest = match[3] ?? "";
    let m: RegExpExecArray | null;

    if (method === "GET" && rest === "") {
      const value = example(200);
      return this.#ok(200, {
        ...value,
        name: repository.repo,
        full_name: repository.fullName,
        html_url: repository.htmlUrl,
        default_branch: repository.defaultBranch,
        language: null,
        owner: { ...(value.owner as Json), login: repository.owner },
        ...(value.source ? { source: { ...(value.source as Json), language: null } } : {}),
        ...(value.parent ? { parent: { ...(value.parent as Json), language: null } } : {}),
      });
    }
    if (method === "GET" && (m = /^\/contents\/(.+)$/.exec(rest))) {
      const file = decodeURIComponent(m[1] as string);
      const ref = url.searchParams.get("ref") ?? repository.defaultBranch;
      const bytes = repository.file(ref, file);
      if (!bytes) return this.#error(404, "Not Found");
      const sha = createHash("sha1").update(`blob ${bytes.length}\0`).update(bytes).digest("hex");
      const large = bytes.length > 1_000_000;
      return this.#ok(200, {
        ...example(200),
        type: "file",
        name: file.split("/").pop(),
        path: file,
        size: bytes.length,
        sha,
        encoding: large ? "none" : "base64",
        content: large ? "" : Buffer.from(bytes).toString("base64"),
      });
    }
    if (method === "GET" && (m = /^\/branches\/(.+)$/.exec(rest))) {
      const name = decodeURIComponent(m[1] as string);
      const sha = repository.branches.get(name);
      if (!sha) return this.#error(404, "Branch not found");
      const value = example(200);
      return this.#ok(200, { ...value, name, commit: { ...(value.commit as Json), sha } });
    }
    if (method === "GET" && (m = /^\/compare\/([0-9a-f]+)\.\.\.([0-9a-f]+)$/.exec(rest))) {
      if (!repository.commits.has(m[1] as string) || !repository.commits.has(m[2] as string))
        return this.#error(404, "Not Found");
      const value = example(200);
      const { previous_filename: _previous, ...template } =
        ((value.files as Json[]) ?? [])[0] ?? {};
      const d = repository.diff(m[1] as string, m[2] as string);
      const files = [
        ...d.added.map((filename) => ({ ...template, filename, status: "added" })),
        ...d.removed.map((filename) => ({ ...template, filename, status: "removed" })),
        ...d.modified.map((filename) => ({ ...template, filename, status: "modified" })),
      ];
      return this.#ok(200, { ...value, files });
    }
    if (method === "GET" && rest === "/issues") {
      const template = (example(200) as unknown as Json[])[0] as Json;
      const creator = url.searchParams.get("creator");
      const state = url.searchParams.get("state") ?? "open";
      const labels = url.searchParams.get("labels")?.split(",").filter(Boolean) ?? [];
      const all = repository.issues
        .filter((i) => !creator || i.creator === creator)
        .filter((i) => state === "all" || i.state === state)
        .filter((i) => labels.every((l) => i.labels.includes(l)))
        .reverse();
      return this.#page(request, url, all, (issue) => this.#issueJson(repository, issue, template));
    }
    if (method === "POST" && rest === "/issues") {
      const title = String(body.title ?? "");
      const text = typeof body.body === "string" ? body.body : "";
      if (title.length === 0 || characters(title) > 256)
        return this.#invalid("Issue", "title", `title is ${characters(title)} characters`);
      if (characters(text) > 65_536)
        return this.#invalid("Issue", "body", "body is too long (maximum is 65536 characters)");
      const names = ((body.labels as unknown[]) ?? []).map(String);
      if (!this.#useLabels(repository, names))
        return this.#invalid("Label", "name", "name is too long");
      const issue: EmulatedIssue = {
        number: repository.issues.length + 1,
        title,
        body: text,
        state: "open",
        state_reason: null,
        labels: names,
        creator: actor,
        comments: [],
      };
      repository.issues.push(issue);
      return this.#ok(201, this.#issueJson(repository, issue, example(201)));
    }
    if (method === "PATCH" && (m = /^\/issues\/(\d+)$/.exec(rest))) {
      const issue = repository.issues[Number(m[1]) - 1];
      if (!issue) return this.#error(404, "Not Found");
      if (body.title !== undefined) {
        const title = String(body.title);
        if (title.length === 0 || characters(title) > 256)
          return this.#invalid("Issue", "title", `title is ${characters(title)} characters`);
        issue.title = title;
      }
      if (typeof body.body === "string") {
        if (characters(body.body) > 65_536)
          return this.#invalid("Issue", "body", "body is too long (maximum is 65536 characters)");
        issue.body = body.body;
      }
      if (Array.isArray(body.labels)) {
        const names = body.labels.map(String);
        if (!this.#useLabels(repository, names))
          return this.#invalid("Label", "name", "name is too long");
        issue.labels = names;
      }
      if (body.state === "open" || body.state === "closed") {
        issue.state = body.state;
        issue.state_reason =
          typeof body.state_reason === "string"
            ? body.state_reason
            : body.state === "closed"
              ? "completed"
              : "reopened";
      }
      return this.#ok(200, this.#issueJson(repository, issue, example(200)));
    }
    if (method === "GET" && (m = /^\/issues\/(\d+)$/.exec(rest))) {
      const issue = repository.issues[Number(m[1]) - 1];
      if (!issue) return this.#error(404, "Not Found");
      // GitHub's description gives this answer no example of its own: an
      // update's answer is the same issue object.
      const update = api.find("PATCH", path);
      const template = update ? (api.example(update, 200) as Json) : example(200);
      return this.#ok(200, this.#issueJson(repository, issue, template));
    }
    if (method === "GET" && (m = /^\/issues\/(\d+)\/comments$/.exec(rest))) {
      const issue = repository.issues[Number(m[1]) - 1];
      if (!issue) return this.#error(404, "Not Found");
      const template = (example(200) as unknown as Json[])[0] as Json;
      return this.#page(request, url, issue.comments, (c) => ({
        ...template,
        id: c.id,
        body: c.body,
        user: {
          ...(template.user as Json),
          login: c.user,
          type: c.user.endsWith("[bot]") ? "Bot" : "User",
        },
      }));
    }
    if (method === "POST" && (m = /^\/issues\/(\d+)\/comments$/.exec(rest))) {
      const issue = repository.issues[Number(m[1]) - 1];
      if (!issue) return this.#error(404, "Not Found");
      const text = String(body.body ?? "");
      if (text.length === 0 || characters(text) > 65_536)
        return this.#invalid("IssueComment", "body", "body is invalid");
      const comment = { id: this.#ids++, body: text, user: actor };
      issue.comments.push(comment);
      return this.#ok(201, { ...example(201), id: comment.id, body: text });
    }
    if (method === "GET" && rest === "/labels") {
      const template = (example(200) as unknown as Json[])[0] as Json;
      return this.#page(request, url, repository.labels, (l) => ({
        ...template,
        ...l,
        default: false,
      }));
    }
    if (method === "POST" && rest === "/labels") {
      const name = String(body.name ?? "");
      if (name.length === 0 || characters(name) > 50)
        return this.#invalid("Label", "name", "name is too long (maximum is 50 characters)");
      const description = String(body.description ?? "");
      if (characters(description) > 100)
        return this.#invalid(
          "Label",
          "description",
          "description is too long (maximum is 100 characters)",
        );
      if (repository.labels.some((l) => l.name.toLowerCase() === name.toLowerCase()))
        return {
          status: 422,
          headers: {},
          body: {
            message: "Validation Failed",
            documentation_url: "https://docs.github.com/rest",
            errors: [{ resource: "Label", code: "already_exists", field: "name" }],
          },
        };
      const label = {
        id: this.#ids++,
        name,
        color: String(body.color ?? "ededed"),
        description,
      };
      repository.labels.push(label);
      return this.#ok(201, { ...example(201), ...label, default: false });
    }
    if (method === "POST" && rest === "/check-runs") {
      const output = (body.output ?? {}) as Json;
      const refused = this.#checkOutput(output);
      if (refused) return refused;
      const run: EmulatedCheckRun = {
        id: this.#ids++,
        name: String(body.name),
        head_sha: String(body.head_sha),
        conclusion: String(body.conclusion ?? ""),
        external_id: String(body.external_id ?? ""),
        output: {
          title: String(output.title ?? ""),
          summary: String(output.summary ?? ""),
          ...(typeof output.text === "string" ? { text: output.text } : {}),
          annotations: (output.annotations as unknown[]) ?? [],
        },
        actions: (body.actions as EmulatedCheckRun["actions"]) ?? [],
      };
      repository.checkRuns.push(run);
      return this.#ok(201, this.#checkRunJson(repository, run, example(201)));
    }
    if (method === "PATCH" && (m = /^\/check-runs\/(\d+)$/.exec(rest))) {
      const run = repository.checkRuns.find((r) => r.id === Number(m?.[1]));
      if (!run) return this.#error(404, "Not Found");
      const output = body.output as Json | undefined;
      if (output) {
        const refused = this.#checkOutput(output);
        if (refused) return refused;
        if (typeof output.title === "string") run.output.title = output.title;
        if (typeof output.summary === "string") run.output.summary = output.summary;
        if (typeof output.text === "string") run.output.text = output.text;
        // GitHub appends the annotations of each update to those it has.
        run.output.annotations.push(...((output.annotations as unknown[]) ?? []));
      }
      if (typeof body.conclusion === "string") run.conclusion = body.conclusion;
      if (Array.isArray(body.actions)) run.actions = body.actions as EmulatedCheckRun["actions"];
      return this.#ok(200, this.#checkRunJson(repository, run, example(200)));
    }
    if (method === "GET" && (m = /^\/collaborators\/([^/]+)\/permission$/.exec(rest))) {
      const login = decodeURIComponent(m[1] as string);
      // The owner of a personal repository administers it.
      const permission =
        repository.permissions.get(login) ?? (login === repository.owner ? "admin" : "read");
      const value = example(200);
      return this.#ok(200, {
        ...value,
        permission,
        role_name: permission,
        user: { ...(value.user as Json), login, role_name: permission },
      });
    }
    if (method === "POST" && (m = /^\/issues\/comments\/(\d+)\/reactions$/.exec(rest))) {
      repository.reactions.push({ comment: Number(m[1]), content: String(body.content) });
      return this.#ok(201, { ...example(200), id: this.#ids++, content: body.content });
    }
    if (method === "GET" && (m = /^\/pulls\/(\d+)\/files$/.exec(rest))) {
      const template = (example(200) as unknown as Json[])[0] as Json;
      // GitHub lists at most 3000 files of a pull request.
      const files = (repository.pullFiles.get(Number(m[1])) ?? []).slice(0, 3000);
      return this.#page(request, url, files, (filename) => ({
        ...template,
        filename,
        status: "modified",
      }));
    }
    this.violations.push(`${method} ${path}: the emulator does not implement this operation`);
    return this.#error(404, "Not Found");
  }

  // GitHub takes a check run's summary and text up to 65,535 bytes of UTF-8
  // (its API description says characters; the bytes are what it counts), and
  // 50 annotations per request.
  #checkOutput(output: Json) {
    for (const field of ["summary", "text"] as const) {
      const value = output[field];
      const bytes = typeof value === "string" ? Buffer.byteLength(value, "utf8") : 0;
      if (bytes > CHECK_OUTPUT_MAX_BYTES)
        return this.#invalid(
          "CheckRun",
          `output.${field}`,
          `Only ${CHECK_OUTPUT_MAX_BYTES} characters are allowed; ${bytes} were supplied.`,
        );
    }
    if (Array.isArray(output.annotations) && output.annotations.length > 50)
      return this.#invalid("CheckRun", "annotations", "at most 50 annotations per request");
    return null;
  }

  #checkRunJson(repository: EmulatedRepository, run: EmulatedCheckRun, template: Json): Json {
    return {
      ...template,
      id: run.id,
      name: run.name,
      head_sha: run.head_sha,
      external_id: run.external_id,
      status: "completed",
      conclusion: run.conclusion,
      html_url: `${repository.htmlUrl}/runs/${run.id}`,
      output: {
        ...(template.output as Json),
        title: run.output.title,
        summary: run.output.summary,
        text: run.output.text ?? null,
        annotations_count: run.output.annotations.length,
      },
    };
  }

  // GitHub makes the labels an issue names that the repository lacks; it
  // refuses names over 50 characters (false).
  #useLabels(repository: EmulatedRepository, names: string[]): boolean {
    if (names.some((name) => characters(name) > 50)) return false;
    for (const name of names)
      if (!repository.labels.some((l) => l.name.toLowerCase() === name.toLowerCase()))
        repository.labels.push({ id: this.#ids++, name, color: "ededed", description: "" });
    return true;
  }

  #issueJson(repository: EmulatedRepository, issue: EmulatedIssue, template: Json): Json {
    const user = (template.user ?? {}) as Json;
    const labelTemplate = ((template.labels as Json[]) ?? [])[0] ?? {};
    return {
      ...template,
      id: issue.number,
      number: issue.number,
      title: issue.title,
      body: issue.body,
      state: issue.state,
      state_reason: issue.state_reason,
      labels: issue.labels.map((name) => {
        const label = repository.labels.find((l) => l.name === name);
        return {
          ...labelTemplate,
          id: label?.id ?? 0,
          name,
          color: label?.color ?? "ededed",
          description: label?.description ?? "",
        };
      }),
      user: {
        ...user,
        login: issue.creator,
        type: issue.creator.endsWith("[bot]") ? "Bot" : "User",
      },
      comments: issue.comments.length,
      html_url: `${repository.htmlUrl}/issues/${issue.number}`,
      pull_request: undefined,
      closed_at: issue.state === "closed" ? new Date(this.#clock).toISOString() : null,
    };
  }

  // One page of a list, as GitHub pages: 30 items unless `per_page` asks for
  // up to 100, and a Link header naming the next and last pages at the
  // address the request came to.
  #page<T>(
    request: EmulatorRequest,
    url: URL,
    all: readonly T[],
    toJson: (item: T) => unknown,
  ): Exclude<EmulatorResponse, { reset: true }> {
    const perPage = Math.min(100, Math.max(1, Number(url.searchParams.get("per_page") ?? 30)));
    const page = Math.max(1, Number(url.searchParams.get("page") ?? 1));
    const items = all.slice((page - 1) * perPage, page * perPage).map(toJson);
    const last = Math.max(1, Math.ceil(all.length / perPage));
    const base = (request.base ?? "https://api.github.com").replace(/\/$/, "");
    const link = (p: number, rel: string) => {
      const next = new URL(url);
      next.searchParams.set("page", String(p));
      return `<${base}${next.pathname}${next.search}>; rel="${rel}"`;
    };
    const links = [
      ...(page > 1 ? [link(page - 1, "prev"), link(1, "first")] : []),
      ...(page < last ? [link(page + 1, "next"), link(last, "last")] : []),
    ];
    return {
      status: 200,
      headers: links.length > 0 ? { link: links.join(", ") } : {},
      body: items,
    };
  }

  #ok(status: number, body: unknown): Exclude<EmulatorResponse, { reset: true }> {
    return { status, headers: {}, body };
  }

  #error(status: number, message: string, headers: Record<string, string> = {}) {
    return {
      status,
      headers,
      body: { message, documentation_url: "https://docs.github.com/rest" },
    };
  }

  #invalid(resource: string, field: string, message: string) {
    return {
      status: 422,
      headers: {},
      body: {
        message: "Validation Failed",
        documentation_url: "https://docs.github.com/rest",
        errors: [{ resource, field, code: "custom", message }],
      },
    };
  }
}

// GitHub's limits on titles, bodies and names count characters: Unicode code
// points, where JavaScript's length counts an emoji twice.
function characters(text: string): number {
  return Array.from(text).length;
}

function hasLoneSurrogate(value: unknown): boolean {
  if (typeof value === "string")
    return /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(value);
  if (Array.isArray(value)) return value.some(hasLoneSurrogate);
  if (value && typeof value === "object") return Object.values(value).some(hasLoneSurrogate);
  return false;
}

// Requests GitHub counts against its limits on creating content.
function isContentCreation(method: string, path: string): boolean {
  return (
    method === "POST" && /^\/repos\/[^/]+\/[^/]+\/(issues|issues\/\d+\/comments|labels)$/.test(path)
  );
}
