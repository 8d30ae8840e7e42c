/**
 * Generated Markdown ideas documents of any size, shaped like the ideas pages
 * of ../shared/corpus/markdown-ideas: `##` sections of `###` ideas, each with
 * two or three paragraphs, a list and a link.
 */

const WORDS =
  "component session driver kernel interface service platform network storage graphics audio input memory capability policy sandbox runtime toolchain package update parser renderer".split(
    " ",
  );

function word(n: number): string {
  return WORDS[n % WORDS.length] as string;
}

/**
 * A Markdown document with `ideas` ideas in sections of 25.
 * @param ideas how many ideas
 */
export function generateMarkdownDocument(ideas: number): string {
  const out: string[] = [
    "# Generated ideas",
    "",
    "A generated document for measuring ideas-sync.",
    "",
  ];
  for (let i = 0; i < ideas; i += 1) {
    if (i % 25 === 0) out.push(`## Section ${i / 25 + 1} on ${word(i)}s`, "");
    out.push(
      `### Idea ${i + 1}: a ${word(i)} for the ${word(i * 7 + 3)} of the ${word(i * 3 + 1)}`,
      "",
      `The ${word(i + 1)} of the ${word(i + 2)} would benefit from a new ${word(i + 3)}.`,
      `The \`Session\` interface is a good start, as the [design notes](https://example.org/ideas/${i})`,
      `explain. The work involves the ${word(i + 4)}, the ${word(i + 5)} and the **${word(i + 6)}**.`,
      "",
      `- **Difficulty:** ${["easy", "medium", "hard"][i % 3]}`,
      `- **Skills:** TypeScript, ${word(i + 7)}`,
      `- first step with the _${word(i + 9)}_`,
      "",
      `A second paragraph describes the expected outcome: a ${word(i + 8)} with tests.`,
      "",
    );
    if (i % 2 === 0)
      out.push(`A third paragraph with \`code\` and a https://example.org/${i} link.`, "");
  }
  return out.join("\n");
}
