/**
 * Labels people rename on GitHub, and a tracking label renamed in the
 * configuration: the app process against the emulator.
 */
import { describe, expect, it } from "vitest";
import { useEmulatedGitHub } from "../support/e2e.js";
import type { EmulatedRepository } from "../../emulator/emulator.js";

const e2e = useEmulatedGitHub();

const CONFIG = ".github/ideas-sync.yml";
const DOC = "doc/ideas.txt";

function gosh(sections: Record<string, string[]>): string {
  const out: string[] = [];
  for (const [section, titles] of Object.entries(sections)) {
    out.push(section, "#".repeat(section.length), "");
    for (const title of titles)
      out.push(
        `:${title}:`,
        "",
        `  What ${title.toLowerCase()} is about, in a few words of its own.`,
        "",
      );
  }
  return out.join("\n");
}

async function push(repo: EmulatedRepository, changes: Record<string, string | null>) {
  await e2e.github.push(repo, changes);
  await e2e.app.idle();
}

const writes = () => e2e.github.emulator.log.filter((r) => r.method !== "GET").length;

describe("labels", () => {
  it("keeps using a section label a maintainer renamed on GitHub, for old and new issues", async () => {
    const repo = e2e.github.emulator.repository("labels", "renamed");
    await push(repo, {
      [CONFIG]: `documents:\n  - path: ${DOC}\n    dashboard: false\n`,
      [DOC]: gosh({ Virtualization: ["Nested paging", "Guest tools"], Storage: ["Block cache"] }),
    });
    const label = repo.labels.find((l) => l.name === "Virtualization");
    expect(label).toBeDefined();
    // A maintainer renames the label on GitHub: its id stays, and so do its issues.
    const renamed = "area: virtualization";
    (label as { name: string }).name = renamed;
    for (const issue of repo.issues)
      issue.labels = issue.labels.map((l) => (l === "Virtualization" ? renamed : l));
    await push(repo, {
      [DOC]: gosh({
        Virtualization: ["Nested paging", "Guest tools", "Live migration"],
        Storage: ["Block cache"],
      }),
    });
    expect(repo.labels.map((l) => l.name)).not.toContain("Virtualization");
    const migration = repo.issues.find((i) => i.title === "Live migration");
    expect(migration?.labels.sort()).toEqual([renamed, "idea"].sort());
    for (const title of ["Nested paging", "Guest tools"])
      expect(repo.issues.find((i) => i.title === title)?.labels.sort()).toEqual(
        [renamed, "idea"].sort(),
      );
  }, 60_000);

  it("moves every issue to a tracking label renamed in the configuration, and says what it cost", async () => {
    const repo = e2e.github.emulator.repository("labels", "tracking");
    const text = gosh({ Storage: ["Block cache", "Snapshots", "Quotas"] });
    await push(repo, {
      [CONFIG]: `documents:\n  - path: ${DOC}\n    dashboard: false\n`,
      [DOC]: text,
    });
    for (const issue of repo.issues) issue.labels.push("help wanted");
    const w = writes();
    await push(repo, {
      [CONFIG]: `documents:\n  - path: ${DOC}\n    tracking-label: project idea\n    dashboard: false\n`,
    });
    for (const issue of repo.issues)
      expect(issue.labels.sort()).toEqual(["Storage", "help wanted", "project idea"].sort());
    // The label, one update per issue, and the check run.
    expect(writes() - w).toBe(1 + 3 + 1);
    expect(repo.checkRuns.at(-1)?.output.summary).toMatch(/tracking label/);
    // A second sync writes nothing but its check run.
    const again = writes();
    await push(repo, { [DOC]: `${text}\n` });
    expect(writes() - again).toBe(1);
  }, 60_000);
});
