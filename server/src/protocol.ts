/**
 * The custom protocol of the Statement Lens language server, defined once and imported by the server, the
 * VS Code client and the tests. Other editors send the same method names (see README, "Custom protocol").
 */
import { NotificationType, RequestType, type Position, type Range } from 'vscode-languageserver-protocol';

export type Provenance = 'frontMatter' | 'sidecar' | 'text' | 'fileName' | 'unknown';

export interface DocumentSummary {
  uri: string;
  title: string | null;
  /** ISO `YYYY-MM-DD`, `YYYY-MM` or `YYYY`, or null. */
  date: string | null;
  /** A date written without a year ("June 18"), when the document has no full date. */
  partialDate?: string;
  /** Principal speakers: whose statement the document is. May be empty. */
  speakers: string[];
  outlet: string | null;
  kind: 'article' | 'readout' | 'speech' | 'transcript' | 'statement';
  quoteCount: number;
  /** Where each metadata field came from. */
  provenance: { title: Provenance; date: Provenance; speakers: Provenance; outlet: Provenance };
}

export interface PersonDetail {
  name: string;
  roles: { title: string; date: string | null }[];
  aliases: string[];
}

export interface QuoteDetail {
  text: string;
  speaker: string | null;
  via?: string;
  kind: 'direct' | 'reported' | 'speech' | 'transcript';
  range: Range;
}

export interface DocumentDetail extends DocumentSummary {
  people: PersonDetail[];
  quotes: QuoteDetail[];
}

export interface IndexedParams {
  documents: number;
  quotes: number;
  people: number;
  durationMs: number;
}

/** A statement of the corpus found by search or by relatedness. */
export interface RelatedStatement {
  text: string;
  speaker: string | null;
  date: string | null;
  uri: string;
  range: Range;
  documentTitle: string;
  score: number;
}

export interface QuoteHit extends RelatedStatement {
  /** The citation formatted per the `statementLens.citation.format` setting. */
  citation: string;
  /** Matched ranges within `text` as [start, end) character offsets, for highlighting. */
  matches: [number, number][];
}

/** Client → server: statements related to the one at a position (corpus or draft), or to a given text. */
export const RelatedStatementsRequest = new RequestType<{ uri: string; position: Position; limit?: number } | { text: string; limit?: number }, RelatedStatement[], void>('statementLens/relatedStatements');

/** Client → server: summaries of every indexed document. */
export const DocumentsRequest = new RequestType<Record<string, never>, DocumentSummary[], void>('statementLens/documents');

/** Client → server: one document with its people and quotations; null when the URI is not indexed. */
export const DocumentRequest = new RequestType<{ uri: string }, DocumentDetail | null, void>('statementLens/document');

/** Client → server: fuzzy search over quotations and sentences (`speaker:`, `before:`, `after:` filters). */
export const SearchQuotesRequest = new RequestType<{ query: string; limit?: number }, QuoteHit[], void>('statementLens/searchQuotes');

/** Client → server: index the whole corpus again from disk; answers when done. */
export const ReindexRequest = new RequestType<Record<string, never>, IndexedParams, void>('statementLens/reindex');

/**
 * The command every code lens over a corpus quotation names, with arguments `[uri, position]`. The VS Code
 * client runs it itself (a peek view); for other clients the server offers it through `workspace/executeCommand`:
 * it answers with the related statements and shows them in a `window/showMessage`.
 */
export const SHOW_RELATED_STATEMENTS = 'statementLens.showRelatedStatements';

/** Server → client: sent each time indexing finishes (the full pass and every incremental update). */
export const IndexedNotification = new NotificationType<IndexedParams>('statementLens/indexed');
