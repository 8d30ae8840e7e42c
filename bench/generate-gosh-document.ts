/**
 * Generated GOSH ideas documents of any size, shaped like Genode's
 * doc/challenges.txt: chapters of `:Title:` entries with multi-paragraph
 * bodies, links, code and the odd list.
 */

const WORDS =
  "component session driver kernel interface service platform network storage graphics audio input memory capability policy sandbox runtime toolchain package update driver-manager trace monitor".split(
    " ",
  );

function word(n: number): string {
  return WORDS[n % WORDS.length] as string;
}

/**
 * A GOSH document with `ideas` ideas in chapters of 25.
 * @param ideas how many ideas
 */
export function generateGoshDocument(ideas: number): string {
  const out: string[] = [
    "",
    "    ===================",
    "    Generated ideas",
    "    ===================",
    "",
  ];
  out.push("Abstract", "########", "", "A generated document for measuring ideas-sync.", "");
  for (let i = 0; i < ideas; i += 1) {
    if (i % 25 === 0) {
      const title = `Chapter ${i / 25 + 1} on ${word(i)}s`;
      out.push("", title, "#".repeat(title.length), "");
    }
    out.push(
      `:Idea ${i + 1}: a ${word(i)} for the ${word(i * 7 + 3)} of Genode's ${word(i * 3 + 1)}:`,
      "",
    );
    out.push(
      `  The ${word(i + 1)} of the ${word(i + 2)} would benefit from a new ${word(i + 3)}. Genode's`,
      `  'Session' interface is a good start, as the [https://example.org/ideas/${i} - design notes]`,
      `  explain. The work involves the ${word(i + 4)}, the ${word(i + 5)} and the ${word(i + 6)},`,
      `  and a _careful_ look at the *existing* ${word(i + 7)} code.`,
      "",
      `  A second paragraph describes the expected outcome: a ${word(i + 8)} that runs on`,
      `  Sculpt OS, with tests and documentation, see [https://example.org/docs/${i}].`,
    );
    if (i % 4 === 0)
      out.push(
        "",
        `  * first step with the ${word(i + 9)}`,
        `  * second step with the ${word(i + 10)}`,
      );
    if (i % 10 === 0) out.push("", "  ! make run/" + word(i), "  ! make test");
    out.push("");
  }
  return out.join("\n");
}
