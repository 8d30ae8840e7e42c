/**
 * A small stateful GitHub behind nock, for the app's handler tests: it keeps
 * commits, issues, labels, comments and check runs, checks every request body
 * against what GitHub accepts, logs every request, and fails requests on demand.
 */
import { createHash } from "node:crypto";
import nock from "nock";
import { z } from "zod";

/** A request the app made. */
export interface LoggedRequest {
  method: string;
  /** Path and query, decoded, as `/repos/o/r/contents/doc/ideas.md?ref=…`. */
  path: string;
  body: unknown;
}

/** An issue as the fake holds it. */
export interface FakeIssue {
  number: number;
  title: string;
  body: string;
  state: "open" | "closed";
  state_reason: string | null;
  labels: string[];
  creator: string;
}

interface Commit {
  sha: string;
  parent: string | null;
  files: Map<string, string>;
}

interface Fault {
  method: string;
  path: RegExp;
  status: number;
  headers: Record<string, string>;
  message: string;
  times: number;
}

/** The app's bot login in the fake. */
export const BOT = "ideas-sync[bot]";

const issueCreate = z.strictObject({
  title: z.string().min(1).max(256),
  body: z.string().max(65_536),
  labels: z.array(z.string().min(1).max(50)),
});
const issueUpdate = z.strictObject({
  title: z.string().min(1).max(256).optional(),
  body: z.string().max(65_536).optional(),
  labels: z.array(z.string().min(1).max(50)).optional(),
  state: z.enum(["open", "closed"]).optional(),
  state_reason: z.enum(["completed", "not_planned", "reopened"]).optional(),
});
const labelCreate = z.strictObject({
  name: z.string().min(1).max(50),
  color: z.string().regex(/^[0-9a-f]{6}$/i),
  description: z.string().max(100),
});
const commentCreate = z.strictObject({ body: z.string().min(1).max(65_536) });
const checkRunCreate = z
  .strictObject({
    name: z.string().min(1),
    head_sha: z.string().regex(/^[0-9a-f]{40}$/),
    status: z.literal("completed"),
    conclusion: z.enum(["success", "neutral", "failure", "action_required"]),
    details_url: z.string().url(),
    external_id: z.string().optional(),
    output: z.strictObject({
      title: z.string().min(1).max(255),
      summary: z.string().min(1).max(65_535),
      annotations: z
        .array(
          z.strictObject({
            path: z.string().min(1),
            start_line: z.number().int().min(1),
            end_line: z.number().int().min(1),
            annotation_level: z.enum(["notice", "warning", "failure"]),
            message: z
              .string()
              .min(1)
              .max(64 * 1024),
            title: z.string().optional(),
          }),
        )
        .max(50),
    }),
    actions: z
      .array(
        z.strictObject({
          label: z.string().min(1).max(20),
          description: z.string().min(1).max(40),
          identifier: z.string().min(1).max(20),
        }),
      )
      .max(3)
      .optional(),
  })
  .refine((run) => run.head_sha.length === 40);
const reactionCreate = z.strictObject({
  content: z.enum(["+1", "-1", "laugh", "confused", "heart", "hooray", "rocket", "eyes"]),
});

/** A GitHub repository, as nock answers for it. */
export class FakeGitHub {
  readonly requests: LoggedRequest[] = [];
  /** Request bodies GitHub would have refused, with why: tests expect none. */
  readonly refused: string[] = [];
  readonly issues: FakeIssue[] = [];
  readonly labels: Array<{ name: string; color: string; description: string }> = [];
  readonly comments: Array<{ id: number; issue: number; body: string; user: string }> = [];
  readonly checkRuns: Array<z.infer<typeof checkRunCreate> & { id: number }> = [];
  readonly reactions: Array<{ comment: number; content: string }> = [];
  readonly permissions = new Map<string, string>();
  readonly pullFiles = new Map<number, string[]>();
  readonly branches = new Map<string, string>();
  readonly #commits = new Map<string, Commit>();
  readonly #faults: Fault[] = [];
  #counter = 0;
  readonly base: string;

  constructor(
    readonly owner = "genode",
    readonly repo = "ideas",
    readonly defaultBranch = "main",
  ) {
    this.base = `/repos/${owner}/${repo}`;
  }

  /** The repository's web address. */
  get htmlUrl(): string {
    return `https://github.com/${this.owner}/${this.repo}`;
  }

  /**
   * Adds a commit on a branch whose files are its parent's with `changes`
   * applied (null removes a file).
   * @returns the commit's SHA
   */
  commit(changes: Record<string, string | null>, branch = this.defaultBranch): string {
    // A new branch starts from the default branch.
    const parentSha = this.branches.get(branch) ?? this.branches.get(this.defaultBranch) ?? null;
    const files = new Map(parentSha ? this.#commits.get(parentSha)?.files : []);
    for (const [path, text] of Object.entries(changes)) {
      if (text === null) files.delete(path);
      else files.set(path, text);
    }
    this.#counter += 1;
    const sha = createHash("sha1").update(`commit ${this.#counter}`).digest("hex");
    this.#commits.set(sha, { sha, parent: parentSha, files });
    this.branches.set(branch, sha);
    return sha;
  }

  /** Moves a branch to a commit, as a forced push does. */
  reset(branch: string, sha: string): void {
    this.branches.set(branch, sha);
  }

  /** The files a commit changed against another (paths only). */
  diff(
    before: string | null,
    after: string,
  ): { added: string[]; removed: string[]; modified: string[] } {
    const old = before
      ? (this.#commits.get(before)?.files ?? new Map())
      : new Map<string, string>();
    const now = this.#commits.get(after)?.files ?? new Map<string, string>();
    return {
      added: [...now.keys()].filter((p) => !old.has(p)),
      removed: [...old.keys()].filter((p) => !now.has(p)),
      modified: [...now.keys()].filter((p) => old.has(p) && old.get(p) !== now.get(p)),
    };
  }

  /** Adds an issue as a person (or, with creator BOT, as the app) made it. */
  addIssue(issue: Omit<FakeIssue, "number">): FakeIssue {
    const created = { ...issue, number: this.issues.length + 1 };
    this.issues.push(created);
    return created;
  }

  /**
   * Makes the next `times` requests matching `method` and `path` fail.
   */
  fail(
    method: string,
    path: RegExp,
    status: number,
    options: { headers?: Record<string, string>; message?: string; times?: number } = {},
  ): void {
    this.#faults.push({
      method,
      path,
      status,
      headers: options.headers ?? {},
      message: options.message ?? "Server Error",
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
    const handle = (method: string) =>
      function (this: unknown, uri: string, body: nock.Body): nock.ReplyFnResult {
        return fake.#handle(method, decodeURIComponent(uri), body);
      };
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the nock reply functions need the fake
    const fake = this;
    scope.get(/.*/).reply(handle("GET"));
    scope.post(/.*/).reply(handle("POST"));
    scope.patch(/.*/).reply(handle("PATCH"));
    return scope;
  }

  #handle(method: string, uri: string, rawBody: nock.Body): nock.ReplyFnResult {
    const body = typeof rawBody === "string" && rawBody !== "" ? JSON.parse(rawBody) : rawBody;
    this.requests.push({ method, path: uri, body: method === "GET" ? undefined : body });
    const url = new URL(uri, "https://api.github.com");
    const path = url.pathname;
    const fault = this.#faults.find((f) => f.method === method && f.path.test(path) && f.times > 0);
    if (fault) {
      fault.times -= 1;
      return [fault.status, { message: fault.message }, fault.headers];
    }
    const checked = <T>(schema: z.ZodType<T>): T | null => {
      const result = schema.safeParse(body);
      if (result.success) return result.data;
      this.refused.push(
        `${method} ${path}: ${result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`,
      );
      return null;
    };
    const invalid: nock.ReplyFnResult = [422, { message: "Validation Failed" }];
    if (method === "GET" && path === "/app")
      return [200, { id: 1, slug: "ideas-sync", name: "ideas-sync" }];
    if (!path.startsWith(this.base)) return [404, { message: "Not Found" }];
    const rest = path.slice(this.base.length);
    let match: RegExpExecArray | null;
    if (method === "GET" && rest === "")
      return [
        200,
        {
          full_name: `${this.owner}/${this.repo}`,
          default_branch: this.defaultBranch,
          html_url: this.htmlUrl,
        },
      ];
    if (method === "GET" && (match = /^\/branches\/(.+)$/.exec(rest))) {
      const sha = this.branches.get(match[1] as string);
      return sha
        ? [200, { name: match[1], commit: { sha } }]
        : [404, { message: "Branch not found" }];
    }
    if (method === "GET" && (match = /^\/contents\/(.+)$/.exec(rest))) {
      const ref = url.searchParams.get("ref") ?? this.defaultBranch;
      const commit = this.#commits.get(this.branches.get(ref) ?? ref);
      const text = commit?.files.get(match[1] as string);
      if (text === undefined) return [404, { message: "Not Found" }];
      const bytes = Buffer.from(text);
      const large = bytes.length > 1_000_000;
      return [
        200,
        {
          type: "file",
          path: match[1],
          size: bytes.length,
          sha: createHash("sha1").update(`blob ${bytes.length}\0`).update(bytes).digest("hex"),
          encoding: large ? "none" : "base64",
          content: large ? "" : bytes.toString("base64"),
        },
      ];
    }
    if (method === "GET" && (match = /^\/compare\/([0-9a-f]+)\.\.\.([0-9a-f]+)$/.exec(rest))) {
      if (!this.#commits.has(match[1] as string)) return [404, { message: "Not Found" }];
      const d = this.diff(match[1] as string, match[2] as string);
      return [
        200,
        {
          status: "ahead",
          files: [
            ...d.added.map((filename) => ({ filename, status: "added" })),
            ...d.removed.map((filename) => ({ filename, status: "removed" })),
            ...d.modified.map((filename) => ({ filename, status: "modified" })),
          ],
        },
      ];
    }
    if (method === "GET" && rest === "/issues") {
      const creator = url.searchParams.get("creator");
      const perPage = Number(url.searchParams.get("per_page") ?? 30);
      const page = Number(url.searchParams.get("page") ?? 1);
      const all = this.issues
        .filter((issue) => !creator || issue.creator === creator)
        .filter((issue) => url.searchParams.get("state") === "all" || issue.state === "open")
        .reverse();
      const items = all
        .slice((page - 1) * perPage, page * perPage)
        .map((issue) => this.#issueJson(issue));
      const last = Math.max(1, Math.ceil(all.length / perPage));
      const headers: Record<string, string> = {};
      if (page < last) {
        const next = new URL(url);
        next.searchParams.set("page", String(page + 1));
        headers.link = `<${next.toString()}>; rel="next"`;
      }
      return [200, items, headers];
    }
    if (method === "GET" && rest === "/labels") return [200, this.labels.map((l) => ({ ...l }))];
    if (method === "POST" && rest === "/labels") {
      const label = checked(labelCreate);
      if (!label) return invalid;
      if (this.labels.some((l) => l.name.toLowerCase() === label.name.toLowerCase()))
        return [
          422,
          {
            message: "Validation Failed",
            errors: [{ resource: "Label", code: "already_exists", field: "name" }],
          },
        ];
      this.labels.push(label);
      return [201, label];
    }
    if (method === "POST" && rest === "/issues") {
      const create = checked(issueCreate);
      if (!create) return invalid;
      for (const name of create.labels)
        if (!this.labels.some((l) => l.name === name))
          this.labels.push({ name, color: "ededed", description: "" });
      const issue = this.addIssue({ ...create, state: "open", state_reason: null, creator: BOT });
      return [201, this.#issueJson(issue)];
    }
    if ((match = /^\/issues\/(\d+)$/.exec(rest)) && method === "PATCH") {
      const issue = this.issues[Number(match[1]) - 1];
      if (!issue) return [404, { message: "Not Found" }];
      const update = checked(issueUpdate);
      if (!update) return invalid;
      if (update.title !== undefined) issue.title = update.title;
      if (update.body !== undefined) issue.body = update.body;
      if (update.labels !== undefined) issue.labels = [...update.labels];
      if (update.state !== undefined) {
        issue.state = update.state;
        issue.state_reason =
          update.state_reason ?? (update.state === "closed" ? "completed" : "reopened");
      }
      return [200, this.#issueJson(issue)];
    }
    if ((match = /^\/issues\/(\d+)\/comments$/.exec(rest)) && method === "POST") {
      const number = Number(match[1]);
      if (!this.issues[number - 1]) return [404, { message: "Not Found" }];
      const comment = checked(commentCreate);
      if (!comment) return invalid;
      const id = 1000 + this.comments.length;
      this.comments.push({ id, issue: number, body: comment.body, user: BOT });
      return [201, { id, body: comment.body }];
    }
    if ((match = /^\/issues\/comments\/(\d+)\/reactions$/.exec(rest)) && method === "POST") {
      const reaction = checked(reactionCreate);
      if (!reaction) return invalid;
      this.reactions.push({ comment: Number(match[1]), content: reaction.content });
      return [201, { id: this.reactions.length, content: reaction.content }];
    }
    if (method === "POST" && rest === "/check-runs") {
      const run = checked(checkRunCreate);
      if (!run) return invalid;
      if (run.conclusion === "action_required" && !run.details_url) return invalid;
      const id = this.checkRuns.length + 1;
      this.checkRuns.push({ ...run, id });
      return [201, { id, html_url: `${this.htmlUrl}/runs/${id}` }];
    }
    if (method === "GET" && (match = /^\/collaborators\/([^/]+)\/permission$/.exec(rest)))
      return [200, { permission: this.permissions.get(match[1] as string) ?? "read" }];
    if (method === "GET" && (match = /^\/pulls\/(\d+)\/files$/.exec(rest)))
      return [
        200,
        (this.pullFiles.get(Number(match[1])) ?? []).map((filename) => ({
          filename,
          status: "modified",
        })),
      ];
    this.refused.push(`${method} ${path}: not an endpoint the fake knows`);
    return [404, { message: `the fake does not know ${method} ${path}` }];
  }

  #issueJson(issue: FakeIssue): Record<string, unknown> {
    return {
      number: issue.number,
      title: issue.title,
      body: issue.body,
      state: issue.state,
      state_reason: issue.state_reason,
      labels: issue.labels.map((name) => ({ name })),
      user: { login: issue.creator },
      html_url: `${this.htmlUrl}/issues/${issue.number}`,
    };
  }
}
