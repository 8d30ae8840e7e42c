/**
 * The exact way to confirm a blocked plan from a workflow.
 */
import { confirmCommand } from "./confirm-command.js";

/**
 * Says how to apply a blocked plan as it is: run the workflow again with
 * its `confirm` input set to the plan's digest, with `gh` or from the
 * Actions tab. There is no button to press: check runs a workflow makes
 * cannot start anything.
 * @param digest the plan's digest
 * @param workflowFile the workflow's file name, when known
 * @param branch the branch to run the workflow on
 * @returns a phrase that completes "To apply it anyway, …"
 */
export function howToConfirm(digest: string, workflowFile: string | null, branch: string): string {
  const command = confirmCommand(digest, workflowFile, branch);
  return `run this workflow with the input confirm set to ${digest} (\`${command}\`, or Run workflow on the repository's Actions tab); the confirmation is refused if the document, the issues or the branch changed since this plan was made`;
}
