import type { SourceDoc } from '../facts/schema.js';

/** A source document's text split the way locators count: sections by heading, paragraphs by non-empty line. */
export interface SplitSource {
  /** section id -> paragraphs (index 0 is paragraph 1) */
  sections: Map<string, string[]>;
}

/**
 * Splits a source text into the sections that `doc` declares. A heading is a line equal to a section's
 * heading, taken in the declared order; every other non-empty line is a paragraph of the current section.
 */
export function splitSource(doc: SourceDoc, text: string): SplitSource {
  const sections = new Map<string, string[]>();
  let next = 0;
  let current: string[] | undefined;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line) continue;
    const heading = doc.sections[next];
    if (heading && line === heading.heading) {
      current = [];
      sections.set(heading.id, current);
      next++;
      continue;
    }
    current?.push(line);
  }
  return { sections };
}
