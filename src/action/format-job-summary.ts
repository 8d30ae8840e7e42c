/**
 * A run of the Action as the job summary shows it. Pure.
 */
import { confirmCommand } from "./confirm-command.js";
import type { ActionRun } from "./types.js";

/**
 * Writes the job summary: for each document, its check run's title and
 * summary (the plan, or what was written, with links), and for a blocked
 * plan the command that confirms it.
 * @param workflowFile the workflow's file name, for the command, when known
 * @returns Markdown for GITHUB_STEP_SUMMARY
 */
export function formatJobSummary(run: ActionRun, workflowFile: string | null): string {
  switch (run.kind) {
    case "skipped":
      return `## ideas-sync\n\nNothing to sync: ${run.reason}.\n`;
    case "refused":
      return `## ideas-sync\n\nideas-sync did not run: ${run.reason}.\n`;
    case "bad-config":
      return `## ideas-sync: ${run.report.title}\n\n${checkRunLine(run.checkRunUrl)}${run.report.summary}\n`;
    case "ran":
      return run.documents
        .map(({ report, checkRunUrl, digest }) => {
          const confirm = digest
            ? `**To apply this plan as it is**, run the workflow with the input \`confirm\` set to \`${digest}\`:\n\n\`\`\`sh\n${confirmCommand(digest, workflowFile, run.branch)}\n\`\`\`\n\n`
            : "";
          return `## ${report.name}: ${report.title}\n\n${checkRunLine(checkRunUrl)}${confirm}${report.summary}\n`;
        })
        .join("\n");
  }
}

function checkRunLine(url: string | null): string {
  return url ? `[Check run](${url})\n\n` : "";
}
