import { CompletionItemKind, type CancellationToken, type CompletionItem, type CompletionList, type Position } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { formatCitation, openQuotationAt, type CorpusIndex, type Quote } from '../core';
import { searchWords } from '../core/searchText';
import { escapeMarkdown, truncate } from '../markdown';

const MAX_ITEMS = 50;
/** Without a speaker, this many typed words before the corpus is searched for the quotation. */
const MIN_WORDS_UNATTRIBUTED = 2;

interface Candidate {
  readonly uri: string;
  readonly quote: Quote;
  readonly date: string | null;
}

/**
 * Completes a quotation being typed: after `Qin Gang said "` (or `Yang: "`) with that speaker's quotations,
 * after `"` and a few words with the best-matching ones. Accepting replaces the lead-in with the corpus wording
 * and its citation, in the format of `statementLens.citation.format`.
 */
export function quoteCompletions(index: CorpusIndex, document: TextDocument, position: Position, citationFormat: string, token?: CancellationToken): CompletionList | null {
  const text = document.getText();
  const offset = document.offsetAt(position);
  const open = openQuotationAt(text, offset, (t, start, end) => index.findNames(t, start, end));
  if (!open) return null;
  const typedWords = searchWords(open.typed);
  const people = open.attribution?.people ?? [];
  let candidates: Candidate[];
  if (people.length) {
    candidates = people.flatMap(name => index.quotesBy(name)).filter(c => c.quote.kind !== 'reported');
    if (typedWords.length) candidates = rankByTypedWords(candidates, typedWords);
  } else {
    if (typedWords.length < MIN_WORDS_UNATTRIBUTED) return null;
    candidates = searchCandidates(index, open.typed);
  }
  if (token?.isCancellationRequested) return null;
  const replaceStart = people.length ? open.attribution!.span.start : open.open.start;
  const typed = text.slice(replaceStart, offset);
  // Editors that auto-close quotation marks leave a closing mark after the cursor; the citation brings its own.
  const autoClosed = text[offset] === '"' || text[offset] === '”' ? 1 : 0;
  const range = { start: document.positionAt(replaceStart), end: document.positionAt(offset + autoClosed) };
  const items: CompletionItem[] = [];
  const seen = new Set<string>();
  for (const candidate of candidates) {
    if (items.length >= MAX_ITEMS) break;
    const statement = index.get(candidate.uri);
    if (!statement || seen.has(candidate.quote.text)) continue;
    seen.add(candidate.quote.text);
    const speaker = candidate.quote.speaker && index.canonicalName(candidate.quote.speaker);
    const citation = formatCitation({ quote: candidate.quote.text, speaker, date: candidate.date, outlet: statement.outlet.value, title: statement.title.value }, citationFormat);
    items.push({
      label: truncate(candidate.quote.text, 70),
      labelDetails: { description: `${speaker ?? ''} · ${candidate.date ?? 'undated'}` },
      kind: CompletionItemKind.Text,
      detail: `${speaker ?? 'Unattributed'} · ${candidate.date ?? 'undated'} · ${truncate(statement.title.value ?? '', 60)}`,
      documentation: { kind: 'markdown', value: `“${escapeMarkdown(candidate.quote.text)}”\n\n---\n\nInserts: ${escapeMarkdown(citation)}` },
      // The editor filters items by the text in the replaced range; every item answers to what was typed.
      filterText: typed,
      sortText: String(items.length).padStart(4, '0'),
      textEdit: { range, newText: citation },
    });
  }
  return { isIncomplete: true, items };
}

/** The speaker's quotations that contain the typed words (the last one as a prefix), best covered first. */
function rankByTypedWords(candidates: Candidate[], typed: string[]): Candidate[] {
  const complete = typed.slice(0, -1), prefix = typed[typed.length - 1];
  return candidates
    .map(candidate => {
      const words = searchWords(candidate.quote.text);
      const present = new Set(words);
      const covered = complete.filter(word => present.has(word)).length + (words.some(word => word.startsWith(prefix)) ? 1 : 0);
      return { candidate, covered };
    })
    .filter(scored => scored.covered > 0)
    .sort((a, b) => b.covered - a.covered)
    .map(scored => scored.candidate);
}

/** Quotations matching the typed words anywhere in the corpus, as whole quotations with their kind. */
function searchCandidates(index: CorpusIndex, typed: string): Candidate[] {
  const candidates: Candidate[] = [];
  for (const hit of index.searchQuotes(typed, MAX_ITEMS)) {
    if (!hit.entry.isQuote) continue;
    const quote = index.get(hit.entry.uri)?.quotes.find(q => q.span.start <= hit.entry.span.start && hit.entry.span.end <= q.span.end && q.speaker);
    if (!quote || quote.kind === 'reported') continue;
    // A long quotation is searched sentence by sentence: offer the sentence that matched.
    candidates.push({ uri: hit.entry.uri, quote: hit.entry.text === quote.text ? quote : { ...quote, text: hit.entry.text }, date: hit.entry.date });
  }
  return candidates;
}
