import type { Provenance, StatementDocument } from '../model';
import { splitSentences } from '../read/sentences';
import { fileNameOf } from '../read/uris';

/**
 * The title people see: the document's own, or for one without a title line (a readout that opens with its
 * first sentence) that sentence; the file name only for a document with no text. The tree, the quote picker and
 * the related-statements peek all show this one.
 */
export function displayTitleOf(document: StatementDocument): { title: string; source: Provenance } {
  if (document.title.value) return { title: document.title.value, source: document.title.source };
  const first = document.paragraphs.find(p => !p.debris);
  if (first) {
    const span = splitSentences(document.text, first.span)[0] ?? first.span;
    const sentence = document.text.slice(span.start, span.end).replace(/\s+/g, ' ').trim();
    return { title: sentence.length > 110 ? `${sentence.slice(0, 109)}…` : sentence, source: 'text' };
  }
  return { title: fileNameOf(document.uri), source: 'fileName' };
}
