/**
 * What the app last synced in full, per repository and document.
 */

/** A document synced in full: its ideas' digest, at which commit, and when. */
export interface SyncedDocument {
  digest: string;
  sha: string;
  at: number;
}

// Drift a lost webhook hides (a person's edit the app never heard of) is
// repaired by the first push after this long, even when it changes no idea.
const TRUST_MS = 60 * 60 * 1000;

/**
 * Remembers, per repository and document path, the digest of the ideas it
 * last synced in full (every write made, nothing left for later, nothing
 * blocked): a later push whose ideas have the same digest needs no listing
 * of the issues. A person's change to an issue or a label (an `issues` or
 * `label` event not sent by the app) forgets the repository; so does time.
 */
export class SyncedDocuments {
  private readonly byRepository = new Map<string, Map<string, SyncedDocument>>();
  // Counts each repository's forgetting, so that a run during which a person
  // changed an issue does not vouch for the issues when it ends.
  private readonly changes = new Map<string, number>();

  constructor(private readonly now: () => number = Date.now) {}

  /** The document's last full sync, if it is still to be trusted. */
  get(repository: string, path: string): SyncedDocument | undefined {
    const synced = this.byRepository.get(repository)?.get(path);
    if (!synced || this.now() - synced.at > TRUST_MS) return undefined;
    return synced;
  }

  /** Taken when a run begins; pass it to `set`. */
  epoch(repository: string): number {
    return this.changes.get(repository) ?? 0;
  }

  /**
   * Records a full sync, or with a null digest, that the last one no longer
   * holds. A full sync whose run began before the repository was last
   * forgotten (`epoch` older) is not recorded.
   */
  set(repository: string, path: string, digest: string | null, sha: string, epoch = 0): void {
    if (digest !== null && epoch !== this.epoch(repository)) return;
    const documents = this.byRepository.get(repository) ?? new Map<string, SyncedDocument>();
    if (digest === null) documents.delete(path);
    else documents.set(path, { digest, sha, at: this.now() });
    if (documents.size > 0) this.byRepository.set(repository, documents);
    else this.byRepository.delete(repository);
  }

  /**
   * Notes that a later commit has the same ideas, so that a redelivery of
   * its push (a maintainer asking for a repair) syncs in full. The time of
   * the full sync stays.
   */
  vouchFor(repository: string, path: string, sha: string): void {
    const synced = this.byRepository.get(repository)?.get(path);
    if (synced) synced.sha = sha;
  }

  /** Forgets every document of a repository: its issues or labels changed. */
  forget(repository: string): void {
    this.byRepository.delete(repository);
    this.changes.set(repository, this.epoch(repository) + 1);
  }
}
