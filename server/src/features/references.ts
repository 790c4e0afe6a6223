import type { CancellationToken, Location, Position } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CorpusIndex, Span } from '../core';
import { rangeOf } from '../convert';

/** A draft the server can read: open in the editor, or a file of the workspace. */
export interface Draft {
  readonly uri: string;
  readonly document: TextDocument;
}

/** How many locations a client without partial results gets: the newest, with the total said in a message. */
export const REFERENCES_LIMIT = 1000;
/** Locations per batch: what a client with partial results gets at a time, and what runs between yields. */
export const REFERENCES_BATCH = 500;

/** Find all references on a name: who it stands for, how many mentions there are, and the mentions in batches. */
export interface References {
  /** The people the name may be, most documents first. */
  readonly people: readonly string[];
  /** Every mention, drafts' included (a mention two of the people share counts once). */
  readonly total: number;
  /**
   * The locations: the workspace's drafts first, then the corpus, newest document first, `batch` at a time;
   * each batch is converted as it is asked for, so a caller can yield, stop, or send it between batches.
   */
  batches(batch?: number): Generator<Location[]>;
}

/**
 * Find all references on a name: every mention of the person in the corpus (aliases included), and every
 * occurrence of one of their names in the workspace's drafts. A frequent name has tens of thousands: the
 * count is cheap, and the locations come in batches, newest first.
 */
export function referencesOf(index: CorpusIndex, document: TextDocument, position: Position, drafts: Iterable<Draft>, token?: CancellationToken): References | undefined {
  const occurrence = index.nameAt(document.getText(), document.offsetAt(position));
  if (!occurrence) return undefined;
  const wanted = new Set(occurrence.people);
  const inDrafts: Location[] = [];
  for (const draft of drafts) {
    if (token?.isCancellationRequested) break;
    if (index.get(draft.uri)) continue;
    for (const found of index.findNames(draft.document.getText())) {
      if (found.people.some(name => wanted.has(name))) inDrafts.push({ uri: draft.uri, range: { start: draft.document.positionAt(found.span.start), end: draft.document.positionAt(found.span.end) } });
    }
  }
  // The corpus's mentions by document, each once, documents in the order the index keeps them (newest first).
  const byDocument = new Map<string, Span[]>();
  const starts = new Map<string, Set<number>>();
  let mentions = 0;
  for (const name of wanted) {
    for (const mention of index.mentionsOf(name)) {
      let seen = starts.get(mention.uri);
      if (!seen) starts.set(mention.uri, (seen = new Set()));
      if (seen.has(mention.span.start)) continue;
      seen.add(mention.span.start);
      let spans = byDocument.get(mention.uri);
      if (!spans) byDocument.set(mention.uri, (spans = []));
      spans.push(mention.span);
      mentions++;
    }
  }
  const order: string[] = [];
  const ordered = new Set<string>();
  for (const name of wanted) {
    for (const named of index.documentsOf(name)) {
      if (byDocument.has(named.uri) && !ordered.has(named.uri)) {
        ordered.add(named.uri);
        order.push(named.uri);
      }
    }
  }
  for (const uri of byDocument.keys()) if (!ordered.has(uri)) order.push(uri);
  return {
    people: occurrence.people,
    total: inDrafts.length + mentions,
    *batches(batch = REFERENCES_BATCH) {
      let locations: Location[] = inDrafts.slice();
      for (const uri of order) {
        const statement = index.get(uri);
        if (!statement) continue;
        for (const span of byDocument.get(uri)!.sort((a, b) => a.start - b.start)) locations.push({ uri, range: rangeOf(statement, span) });
        if (locations.length >= batch) {
          yield locations;
          locations = [];
        }
      }
      if (locations.length) yield locations;
    },
  };
}

/** Every reference at once, for callers that want them all (the command line, benches, tests). */
export function referencesAt(index: CorpusIndex, document: TextDocument, position: Position, drafts: Iterable<Draft>, token?: CancellationToken): Location[] {
  const found = referencesOf(index, document, position, drafts, token);
  const locations: Location[] = [];
  if (found) for (const batch of found.batches()) locations.push(...batch);
  return locations;
}
