/**
 * Helpers for planner tests: documents from a list of ideas, and syncs into
 * an in-memory repository.
 */
import { parseConfig } from "../../src/config/parse-config.js";
import type { DocumentConfig } from "../../src/config/config-schema.js";
import { readDocument } from "../../src/document/read-document.js";
import type { IdeasDocument } from "../../src/document/types.js";
import { planSync } from "../../src/plan/plan-sync.js";
import type { Plan } from "../../src/plan/types.js";
import { MemoryIssues, type AppliedCounts } from "../../src/replay/memory-issues.js";

/** An idea of a test document. */
export interface TestIdea {
  title: string;
  body: string;
  section?: string;
  pin?: string;
}

/** A GOSH document of the given ideas, grouped by section in order. */
export function goshOf(ideas: readonly TestIdea[]): string {
  const out: string[] = [];
  let section: string | undefined;
  for (const idea of ideas) {
    if (idea.section !== section) {
      section = idea.section;
      if (section) out.push(section, "#".repeat(section.length), "");
    }
    if (idea.pin) out.push(`; ideas-sync: key=${idea.pin}`);
    out.push(
      `:${idea.title}:`,
      "",
      ...idea.body.split("\n").map((line) => (line ? `  ${line}` : "")),
      "",
    );
  }
  return out.join("\n");
}

/** The configuration of doc/ideas.txt, with optional settings in YAML. */
export function configOf(extra = ""): DocumentConfig {
  const result = parseConfig(
    `documents:\n  - path: doc/ideas.txt\n${extra.replace(/^/gm, "    ")}\n`,
  );
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.config.documents[0] as DocumentConfig;
}

/** A repository with ideas-sync's view of it. */
export class Repo {
  readonly store = new MemoryIssues();
  #commit = 0;

  constructor(readonly config: DocumentConfig = configOf()) {}

  /** The plan for a document (text or ideas), against the issues as they are. */
  plan(document: string | readonly TestIdea[] | IdeasDocument): Plan {
    const read =
      typeof document === "string"
        ? readDocument(document, { format: "gosh" })
        : "sections" in document
          ? document
          : readDocument(goshOf(document), { format: "gosh" });
    this.#commit += 1;
    return planSync({
      document: read,
      source: {
        path: "doc/ideas.txt",
        sha: `c${String(this.#commit).padStart(39, "0")}`,
        repositoryUrl: "https://github.com/o/r",
      },
      issues: this.store.snapshot(),
      labels: this.store.labels,
      config: this.config,
    });
  }

  /** Plans and applies, guards or not; returns the plan and what it wrote. */
  sync(document: string | readonly TestIdea[]): { plan: Plan; counts: AppliedCounts } {
    const plan = this.plan(document);
    return { plan, counts: this.store.apply(plan) };
  }

  /** The issue with this number. */
  issue(number: number) {
    const issue = this.store.issues.find((candidate) => candidate.number === number);
    if (!issue) throw new Error(`no issue #${number}`);
    return issue;
  }
}
