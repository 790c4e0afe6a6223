import type { DocumentLink } from 'vscode-languageserver';
import type { CorpusIndex, StatementDocument } from '../core';
import { rangeOf } from '../convert';

const READ_MORE = /^\s*(?:read (?:more|also|next)|related|see also)\s*(?::\s*)?([^\s:].*)?$/i;
const normalize = (title: string) => title.toLowerCase().replace(/[“”"'’]/g, '').replace(/\s+/g, ' ').trim();

/** Lines that name another corpus document ("Read more: <title>", or the title on the next line) link to it. */
export function documentLinks(index: CorpusIndex, statement: StatementDocument): DocumentLink[] {
  const byTitle = new Map<string, string>();
  for (const other of index.all()) if (other.uri !== statement.uri && other.title.value) byTitle.set(normalize(other.title.value), other.uri);
  if (byTitle.size === 0) return [];
  const links: DocumentLink[] = [];
  const paragraphs = statement.paragraphs;
  for (let i = 0; i < paragraphs.length; i++) {
    const line = statement.text.slice(paragraphs[i].span.start, paragraphs[i].span.end);
    const match = READ_MORE.exec(line);
    if (!match) continue;
    const candidates = match[1] ? [{ span: { start: paragraphs[i].span.end - match[1].length, end: paragraphs[i].span.end }, title: match[1] }] : paragraphs.slice(i + 1, i + 4).map(p => ({ span: p.span, title: statement.text.slice(p.span.start, p.span.end) }));
    for (const candidate of candidates) {
      const target = byTitle.get(normalize(candidate.title));
      if (target) links.push({ range: rangeOf(statement, candidate.span), target, tooltip: 'Open the linked statement' });
    }
  }
  return links;
}
