import { CompletionItemKind, type CancellationToken, type CompletionItem, type CompletionList, type Position } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { boundTypedQuotation, citeFrom, type CorpusIndex, openQuotationAt, type Quote, searchWords, trimEndOf, withoutFormatControls } from '../core';
import { escapeMarkdown, truncate } from '../../../shared/markdown';

const MAX_ITEMS = 50;
const SPEAKER_QUOTES = 2000;
/** Without a speaker, this many typed words before the corpus is searched for the quotation. */
const MIN_WORDS_UNATTRIBUTED = 2;

interface Candidate {
  readonly uri: string;
  readonly quote: Quote;
  readonly date: string | null;
}

export interface CitationFormats {
  /** The whole citation (`statementLens.citation.format`), for a quotation the draft has not attributed. */
  readonly citationFormat: string;
  /** What follows a quotation whose speaker the draft names (`statementLens.citation.sourceFormat`). */
  readonly sourceFormat: string;
}

/**
 * Completes a quotation being typed: after `Qin Gang said "` (or `Yang: "`) with that speaker's quotations,
 * after `"` and a few words with the best-matching ones. Accepting replaces what was typed after the mark with
 * the corpus wording and the closing mark, then the source (`Qin Gang said "…" (CGTN, 1 October 2021).`); an
 * unattributed quotation becomes the whole citation (`“…,” Qin Gang told CGTN on 1 October 2021.`). The
 * writer's own lead-in is never rewritten.
 */
export function quoteCompletions(index: CorpusIndex, document: TextDocument, position: Position, formats: CitationFormats, token?: CancellationToken): CompletionList | null {
  const text = document.getText();
  const offset = document.offsetAt(position);
  const open = openQuotationAt(text, offset, (t, start, end) => index.findNames(t, start, end));
  if (!open) return null;
  const typedText = boundTypedQuotation(open.typed);
  const typedWords = searchWords(typedText);
  const people = open.attribution?.people ?? [];
  let candidates: Candidate[];
  if (people.length) {
    // The newest quotations of a prolific speaker are plenty to choose from and keep each keystroke cheap.
    const quotes = speakerQuotes(index, people);
    candidates = typedWords.length ? rankByTypedWords(quotes, typedWords) : quotes.map(({ candidate }) => candidate);
  } else {
    if (typedWords.length < MIN_WORDS_UNATTRIBUTED) return null;
    candidates = searchCandidates(index, typedText);
  }
  if (token?.isCancellationRequested) return null;
  // A completion replaces text on the cursor's line only (VS Code's rule): the mark must be on it.
  const markPosition = document.positionAt(open.open.start);
  if (markPosition.line !== position.line) return null;
  // Editors that auto-close quotation marks leave a closing mark after the cursor; the completion brings its own.
  const autoClosed = text[offset] === '"' || text[offset] === '”' ? 1 : 0;
  const end = document.positionAt(offset + autoClosed);
  const openMark = text[open.open.start], closeMark = openMark === '“' ? '”' : '"';
  /**
   * The edit starts after the writer's opening mark, and the inserted text brings none: clients that ignore
   * the edit's range and insert at the cursor (Neovim's omnifunc) would otherwise double it (`said ""No…`).
   * A whole citation in a format that opens with another mark replaces the writer's (`"` → `“`).
   */
  const edit = (citation: string) =>
    citation.startsWith(openMark)
      ? { range: { start: document.positionAt(open.open.start + 1), end }, newText: citation.slice(openMark.length) }
      : { range: { start: markPosition, end }, newText: citation };
  const items: CompletionItem[] = [];
  const seen = new Set<string>();
  for (const candidate of candidates) {
    if (items.length >= MAX_ITEMS) break;
    const statement = index.get(candidate.uri);
    if (!statement || seen.has(candidate.quote.text)) continue;
    seen.add(candidate.quote.text);
    const speaker = candidate.quote.speaker && index.canonicalName(candidate.quote.speaker);
    const said = { quote: candidate.quote.text, speaker, date: candidate.date };
    const citation = people.length ? `${openMark}${trimEndOf(candidate.quote.text, /[\s,]/)}${closeMark}${citeFrom(statement, said, formats.sourceFormat)}` : citeFrom(statement, said, formats.citationFormat);
    const textEdit = edit(withoutFormatControls(citation));
    const typedInRange = document.getText({ start: textEdit.range.start, end: position });
    items.push({
      label: truncate(candidate.quote.text, 70),
      labelDetails: { description: `${speaker ?? ''} · ${candidate.date ?? 'undated'}` },
      kind: CompletionItemKind.Text,
      detail: `${speaker ?? 'Unattributed'} · ${candidate.date ?? 'undated'} · ${truncate(statement.title.value ?? '', 60)}`,
      documentation: { kind: 'markdown', value: `“${escapeMarkdown(candidate.quote.text)}”\n\n---\n\nInserts: ${escapeMarkdown(citation)}` },
      // The editor filters items by the text in the replaced range. Where the inserted text starts with what was
      // typed it matches as it is, and Neovim's omnifunc then replaces from the edit's start (it does only for
      // items without filterText); elsewhere (typed words from the middle of a quotation) filterText makes the
      // item answer to what was typed.
      filterText: textEdit.newText.toLowerCase().startsWith(typedInRange.toLowerCase()) ? undefined : typedInRange,
      sortText: String(items.length).padStart(4, '0'),
      textEdit,
    });
  }
  return { isIncomplete: true, items };
}

/**
 * The speakers' quotations with their words, kept for the last few speakers completed until the corpus changes:
 * each keystroke after `Biden said "` ranks the same 2,000 quotations, and reading their words was most of
 * its cost (and a heavy request under load).
 */
type SpeakerQuote = { candidate: Candidate; words: string[]; present: Set<string> };
/** Per index (so a replaced index takes its cache with it), the speakers completed most recently. */
const recentSpeakers = new WeakMap<CorpusIndex, { version: number; speakers: Map<string, SpeakerQuote[]> }>();
const RECENT_SPEAKERS = 8;

function speakerQuotes(index: CorpusIndex, people: readonly string[]): SpeakerQuote[] {
  let recent = recentSpeakers.get(index);
  if (!recent || recent.version !== index.version) recentSpeakers.set(index, (recent = { version: index.version, speakers: new Map() }));
  const key = people.join('\u0000');
  const quotes =
    recent.speakers.get(key) ??
    people
      .flatMap(name => index.quotesBy(name, SPEAKER_QUOTES))
      .filter(candidate => candidate.quote.kind !== 'reported')
      .map(candidate => {
        const words = searchWords(candidate.quote.text);
        return { candidate, words, present: new Set(words) };
      });
  // Most recent last; the oldest goes first.
  recent.speakers.delete(key);
  recent.speakers.set(key, quotes);
  while (recent.speakers.size > RECENT_SPEAKERS) recent.speakers.delete(recent.speakers.keys().next().value!);
  return quotes;
}

/** The speaker's quotations that contain the typed words (the last one as a prefix), best covered first. */
function rankByTypedWords(quotes: readonly SpeakerQuote[], typed: string[]): Candidate[] {
  const complete = typed.slice(0, -1), prefix = typed[typed.length - 1];
  return quotes
    .map(({ candidate, words, present }) => {
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
    const quote = index.quotationOf(hit.entry);
    if (!quote || quote.kind === 'reported') continue;
    // A long quotation is searched sentence by sentence: offer the sentence that matched.
    candidates.push({ uri: hit.entry.uri, quote: hit.entry.text === quote.text ? quote : { ...quote, text: hit.entry.text }, date: hit.entry.date });
  }
  return candidates;
}
