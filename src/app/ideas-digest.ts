/**
 * What a sync of a document depends on, as one digest.
 */
import { createHash } from "node:crypto";
import type { Config } from "../config/config-schema.js";
import type { IdeasDocument } from "../document/types.js";

/**
 * A digest of the configuration, the document's title and every idea of the
 * document (its section, key, title and hash): two revisions with the same digest plan
 * the same writes against the same issues. Comments, wrapping and other
 * text that makes no idea leave it unchanged.
 * @param document the document's ideas
 * @param config the repository's configuration (all documents: their paths decide moves)
 */
export function ideasDigest(document: IdeasDocument, config: Config): string {
  const hash = createHash("sha256");
  hash.update(JSON.stringify(config));
  // The dashboard is titled after the document.
  hash.update(`\0title\0${document.title ?? ""}`);
  for (const section of document.sections) {
    hash.update(`\0section\0${section.title ?? ""}`);
    for (const idea of section.ideas) hash.update(`\0${idea.key}\0${idea.title}\0${idea.hash}`);
  }
  return hash.digest("hex");
}
