/**
 * The command that runs a workflow again to confirm a blocked plan.
 */

/**
 * The GitHub CLI command that runs the workflow by hand with the plan's
 * digest as its `confirm` input.
 * @param digest the plan's digest
 * @param workflowFile the workflow's file name; WORKFLOW when unknown
 * @param branch the branch to run the workflow on
 */
export function confirmCommand(
  digest: string,
  workflowFile: string | null,
  branch: string,
): string {
  return `gh workflow run ${workflowFile ?? "WORKFLOW"} --ref ${branch} -f confirm=${digest}`;
}
