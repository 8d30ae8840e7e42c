/**
 * A planned write brought onto an issue as it is now: people may have
 * edited it since it was listed, during a run that can take minutes.
 */
import { readIssueBody, writeIssueBody } from "./issue-body.js";
import type { IssueChanges, IssueSnapshot } from "./types.js";

/**
 * The changes to send so that the planned write happens and nothing a person
 * changed since the listing is lost:
 *  - the body keeps the text around the region as it is now, and gets the
 *    planned region;
 *  - labels: the labels the plan adds and takes off, applied to the labels
 *    the issue has now;
 *  - a close is dropped when a person closed the issue meanwhile (it stays
 *    theirs), a reopen's state when a person reopened it.
 * @param planned what the plan writes
 * @param listed the labels the plan was made from, when it changes labels
 * @param fresh the issue as GitHub has it now
 * @returns the changes to send (empty when nothing is left to change), or
 *   null when the write must not happen
 */
export function rebaseChanges(
  planned: IssueChanges,
  listed: readonly string[] | undefined,
  fresh: IssueSnapshot,
): IssueChanges | null {
  if (planned.state === "closed" && fresh.state === "closed") return null;
  const changes: IssueChanges = {};
  if (planned.title !== undefined && planned.title !== fresh.title) changes.title = planned.title;
  if (planned.body !== undefined) {
    const region = readIssueBody(planned.body);
    const body = region.marker
      ? writeIssueBody(
          region.content,
          (({ region: _hash, ...marker }) => marker)(region.marker),
          readIssueBody(fresh.body),
        )
      : planned.body;
    if (body !== fresh.body.replace(/\r\n?/g, "\n")) changes.body = body;
  }
  if (planned.labels !== undefined) {
    const lower = (labels: readonly string[]) => new Set(labels.map((l) => l.toLowerCase()));
    const before = lower(listed ?? fresh.labels);
    const after = lower(planned.labels);
    const removed = new Set([...before].filter((label) => !after.has(label)));
    const labels = fresh.labels.filter((label) => !removed.has(label.toLowerCase()));
    const have = lower(labels);
    for (const label of planned.labels)
      if (!before.has(label.toLowerCase()) && !have.has(label.toLowerCase())) labels.push(label);
    if (labels.length !== fresh.labels.length || labels.some((l, i) => l !== fresh.labels[i]))
      changes.labels = labels;
  }
  if (planned.state !== undefined && planned.state !== fresh.state) {
    changes.state = planned.state;
    if (planned.stateReason !== undefined) changes.stateReason = planned.stateReason;
  }
  return changes;
}
