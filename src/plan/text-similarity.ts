/**
 * How alike two texts are, for recognising a retitled idea.
 */

/**
 * The word pairs of a text, lower-cased: "a b c" → {"a b", "b c"}. Pairs
 * rather than words, so that two texts on the same subject but written
 * apart share little.
 * @param text any text (Markdown is fine: punctuation is dropped)
 */
export function shingles(text: string): Set<string> {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const pairs = new Set<string>();
  for (let i = 0; i + 1 < words.length; i += 1) pairs.add(`${words[i]} ${words[i + 1]}`);
  if (words.length === 1) pairs.add(words[0] as string);
  return pairs;
}

/**
 * Jaccard similarity of two shingle sets: shared pairs over all pairs, from
 * 0 (nothing in common) to 1 (the same words in the same order).
 */
export function similarity(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const pair of small) if (large.has(pair)) shared += 1;
  return shared / (a.size + b.size - shared);
}
