/**
 * A read-only HTML view of the emulator's issues, for people who would
 * rather look than read.
 */
import type { GitHubEmulator } from "./emulator.js";

const escape = (text: string) =>
  text.replace(
    /[&<>"]/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c] as string,
  );

/**
 * `/`: every repository's issues with labels and state; `/OWNER/REPO/issues/N`:
 * one issue, its body and comments (as Markdown source).
 */
export function renderIssuesPage(emulator: GitHubEmulator, url: string): string {
  const one = /^\/([^/]+)\/([^/]+)\/issues\/(\d+)$/.exec(url);
  const style =
    "<style>body{font-family:sans-serif;max-width:60em;margin:2em auto}td,th{padding:.2em .6em;text-align:left}.closed{color:#888}pre{white-space:pre-wrap;background:#f6f8fa;padding:1em}.label{background:#ddf;border-radius:1em;padding:0 .5em;margin-right:.3em;font-size:.85em}</style>";
  if (one) {
    const repository = emulator.repositories.get(`${one[1]}/${one[2]}`);
    const issue = repository?.issues[Number(one[3]) - 1];
    if (!repository || !issue) return `${style}<p>No such issue. <a href="/">All issues</a></p>`;
    return `<!doctype html><meta charset="utf-8"><title>#${issue.number} ${escape(issue.title)}</title>${style}
<p><a href="/">All issues</a></p><h1>${escape(issue.title)} <small>#${issue.number}</small></h1>
<p>${issue.state}${issue.state_reason ? ` (${issue.state_reason})` : ""} · ${issue.labels.map((l) => `<span class="label">${escape(l)}</span>`).join("")}</p>
<pre>${escape(issue.body)}</pre>
${issue.comments.map((c) => `<h3>${escape(c.user)} commented</h3><pre>${escape(c.body)}</pre>`).join("\n")}`;
  }
  const sections = [...emulator.repositories.values()].map(
    (
      repository,
    ) => `<h2>${escape(repository.fullName)}</h2><table><tr><th>#</th><th>title</th><th>state</th><th>labels</th></tr>
${repository.issues
  .map(
    (issue) =>
      `<tr class="${issue.state}"><td>${issue.number}</td><td><a href="/${repository.fullName}/issues/${issue.number}">${escape(issue.title)}</a></td><td>${issue.state}</td><td>${issue.labels.map((l) => `<span class="label">${escape(l)}</span>`).join("")}</td></tr>`,
  )
  .join("\n")}</table>`,
  );
  return `<!doctype html><meta charset="utf-8"><title>ideas-sync emulator: issues</title>${style}<h1>Issues</h1>${sections.join("\n")}`;
}
