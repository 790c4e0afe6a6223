import { SymbolKind, type CancellationToken, type SymbolInformation } from 'vscode-languageserver';
import { type CorpusIndex, fileNameOf, withoutFormatControls } from '../core';
import { rangeOf } from '../convert';
import { truncate } from '../../../shared/markdown';

const LIMIT = 200;

/** How many names or titles are matched between two turns given to waiting requests. */
const SLICE = 2_000;

/**
 * Ctrl+T: people, documents and quotations whose name, title or words match the query. It reads every
 * person's name and every title (tens of milliseconds on ../shared/corpora): with `nothingLighterWaits`, it
 * gives way to waiting requests every SLICE names or titles and before the quote search.
 */
export async function workspaceSymbols(index: CorpusIndex, query: string, token?: CancellationToken, nothingLighterWaits: () => Promise<void> = async () => undefined): Promise<SymbolInformation[]> {
  const wanted = query.trim().toLowerCase();
  if (!wanted) return [];
  const symbols: SymbolInformation[] = [];
  let read = 0;
  for (const name of index.peopleNames()) {
    if (++read % SLICE === 0) await nothingLighterWaits();
    // Checked on every name, not only on matches: a cancelled request must not go on giving way and resuming.
    if (token?.isCancellationRequested) return [];
    if (!matches(name, wanted)) continue;
    const introduction = index.introductionsOf(name)[0] ?? index.mentionsOf(name)[0];
    const document = introduction && index.get(introduction.uri);
    if (document) symbols.push({ name: withoutFormatControls(name), kind: SymbolKind.Class, containerName: 'Person', location: { uri: document.uri, range: rangeOf(document, introduction.span) } });
    if (symbols.length >= LIMIT / 2 || token?.isCancellationRequested) break;
  }
  // The documents as they are now: an edit while this gives way re-adds a document at the end of the index's
  // map, which a live iterator would visit twice; one deleted meanwhile is skipped.
  for (const document of [...index.all()]) {
    if (++read % SLICE === 0) await nothingLighterWaits();
    if (token?.isCancellationRequested) return [];
    if (index.get(document.uri) !== document) continue;
    const title = withoutFormatControls(document.title.value ?? fileNameOf(document.uri));
    if (matches(title, wanted)) symbols.push({ name: title, kind: SymbolKind.File, containerName: document.date.value ?? 'Document', location: { uri: document.uri, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } } });
    if (symbols.length >= (LIMIT * 3) / 4 || token?.isCancellationRequested) break;
  }
  if (wanted.length >= 3 && !token?.isCancellationRequested) {
    await nothingLighterWaits();
    if (token?.isCancellationRequested) return [];
    for (const hit of index.searchQuotes(query, 30, token)) {
      if (!hit.entry.isQuote) continue;
      const document = index.get(hit.entry.uri)!;
      symbols.push({ name: `“${truncate(hit.entry.text, 90)}”`, kind: SymbolKind.String, containerName: [hit.entry.speaker, hit.entry.date].filter(Boolean).join(' · '), location: { uri: hit.entry.uri, range: rangeOf(document, hit.entry.span) } });
    }
  }
  return symbols.slice(0, LIMIT);
}

/** Every query character appears in order (the fuzzy match of VS Code's own pickers). */
function matches(candidate: string, query: string): boolean {
  const text = candidate.toLowerCase();
  if (text.includes(query)) return true;
  let at = 0;
  for (const c of query) {
    if (c === ' ') continue;
    at = text.indexOf(c, at);
    if (at === -1) return false;
    at++;
  }
  return true;
}
