/**
 * The custom protocol of the Statement Lens language server, defined once and imported by the server, the
 * VS Code client and the tests. Other editors send the same method names (see README, "Custom protocol").
 */
import { COMMANDS } from './commands';
import { NotificationType, RequestType, type Position, type Range } from 'vscode-languageserver-protocol';
// Types only: the protocol's kinds are the model's own, so a new kind reaches both sides at once.
import type { CslItem } from '../server/src/core/draft/cslJson';
import type { DocumentKind, Provenance, QuoteKind, SpeakerKind } from '../server/src/core/model';

export type { CslItem } from '../server/src/core/draft/cslJson';
export type { DocumentKind, Provenance, QuoteKind, SpeakerKind } from '../server/src/core/model';

export interface DocumentSummary {
  uri: string;
  title: string | null;
  /** ISO `YYYY-MM-DD`, `YYYY-MM` or `YYYY`, or null. */
  date: string | null;
  /** A date written without a year ("June 18"), when the document has no full date. */
  partialDate?: string;
  /** Principal speakers, as resolved people (one name per person across spellings): whose statement it is. May be empty. */
  speakers: string[];
  /**
   * Speakers the document names only by office ("Presidential Message on …", "Statement from the Press
   * Secretary"), resolved to who held the office on its date: `speaker` (one of `speakers`) as `office`, and
   * why ("Press Secretary on 2023-05-02, from 14 of 15 titled mentions between 2023-04-20 and 2023-05-09").
   * Absent when there are none.
   */
  speakerOffices?: { speaker: string; office: string; why: string }[];
  outlet: string | null;
  kind: DocumentKind;
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
  /** A person's canonical name; for an organisation or an unnamed source, the phrase the text uses ("a source"). */
  speaker: string | null;
  /** Present whenever `speaker` is: a named person, a named organisation, or an unnamed (described) source. */
  speakerKind?: SpeakerKind;
  via?: string;
  /** The quotation's form; `fragment` is a few quoted words inside the writer's own sentence. */
  kind: QuoteKind;
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

/** A person resolved across the corpus: one record for every spelling, title and document. */
export interface PersonSummary {
  /** The name shown for them (the corpus's most used full name, or the people.yaml name). */
  name: string;
  /** Every other name the corpus and people.yaml use for them, most used first. */
  aliases: string[];
  /** Offices, each with the first and last date a document states it; `source: "sidecar"` when people.yaml gives it. */
  roles: { title: string; from: string | null; to: string | null; source?: 'sidecar' }[];
  /** Documents that name them, and quotations that are theirs. */
  documents: number;
  quotes: number;
  /** Why each name was counted as this person ("initials", "shared role", "people.yaml", "nearest in time"…). */
  /** Why each name is this person; `why` explains an office's title taken as its holder on a date (reason `office on the date`). */
  merges: { name: string; with?: string; reason: string; documents?: number; why?: string }[];
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
  /**
   * Every document that carries this very text (a press release published twice, a line repeated in several
   * speeches), earliest first, undated last; the hit itself is the first. Absent when only one document does.
   */
  sources?: QuoteSource[];
}

/** One document that carries a search hit's text, and where. */
export interface QuoteSource {
  uri: string;
  range: Range;
  date: string | null;
  documentTitle: string;
  speaker: string | null;
}

/** Client → server: statements related to the one at a position (corpus or draft), or to a given text. */
export const RelatedStatementsRequest = new RequestType<{ uri: string; position: Position; limit?: number } | { text: string; limit?: number }, RelatedStatement[], void>('statementLens/relatedStatements');

/** Client → server: summaries of every indexed document. */
export const DocumentsRequest = new RequestType<Record<string, never>, DocumentSummary[], void>('statementLens/documents');

/** Client → server: one document with its people and quotations; null when the URI is not indexed. */
export const DocumentRequest = new RequestType<{ uri: string }, DocumentDetail | null, void>('statementLens/document');

/** Client → server: fuzzy search over quotations and sentences (`speaker:`, `before:`, `after:` filters). */
export const SearchQuotesRequest = new RequestType<{ query: string; limit?: number }, QuoteHit[], void>('statementLens/searchQuotes');

/**
 * Client → server: resolved people, most documents first; `query` keeps those with a name or alias containing
 * it (case and accents aside). The same records as `statement-lens people --json`.
 */
export const PeopleRequest = new RequestType<{ query?: string; limit?: number }, { people: PersonSummary[] }, void>('statementLens/people');

/** A statement on a timeline (`statementLens/timeline`, `statementLens/phraseTimeline`). */
export interface TimelineStatement {
  /** The document's date, ISO `YYYY-MM-DD`, `YYYY-MM` or `YYYY`, or null. */
  date: string | null;
  uri: string;
  /** The quotation's range in the document. */
  range: Range;
  documentTitle: string;
  text: string;
  kind: QuoteDetail['kind'];
  /** The office the speaker held then, when the corpus says it; null when it does not. */
  role: string | null;
  /** The resolved person (for an organisation or an unnamed source, the phrase the text uses). */
  speaker: string | null;
}

/**
 * Client → server: a person's quotations in date order (earliest first, undated last). `person` is a name or
 * alias as a writer types it ("Qin Gang", "Qin"), resolved to the same people as `statementLens/people`; an
 * empty array when the corpus knows nobody by it.
 */
export const TimelineRequest = new RequestType<{ person: string }, TimelineStatement[], void>('statementLens/timeline');

/**
 * Client → server: who used a phrase, when: the quotations containing it (case and line breaks aside, whole
 * words), in date order, at most `limit` (default 1,000, at most 5,000), the earliest.
 */
export const PhraseTimelineRequest = new RequestType<{ phrase: string; limit?: number }, TimelineStatement[], void>('statementLens/phraseTimeline');

/**
 * Client → server: the sources of a draft's quotations as CSL-JSON items (one per corpus passage cited, in the
 * draft's order; quotations without a source are left out): an open draft by `uri`, or any text. The same items
 * as `statement-lens cite <draft> --csl-json`.
 */
export const CitationsRequest = new RequestType<{ uri: string } | { text: string }, CslItem[], void>('statementLens/citations');

/** Client → server: index the whole corpus again from disk; answers when done. */
export const ReindexRequest = new RequestType<Record<string, never>, IndexedParams, void>('statementLens/reindex');

/**
 * Client → server: delete the index cache (every corpus's, under the cache folder) and index the corpus again
 * from its files, which writes a new cache; answers with the figures of that pass and the folder cleared
 * (`null` when the server keeps no cache).
 */
export const ClearIndexCacheRequest = new RequestType<Record<string, never>, IndexedParams & { cacheDirectory: string | null }, void>('statementLens/clearIndexCache');

/**
 * The command every code lens over a corpus quotation names, with arguments `[uri, position]`. The VS Code
 * client runs it itself (a peek view); for other clients the server offers it through `workspace/executeCommand`:
 * it answers with the related statements and shows them in a `window/showMessage`.
 */
export const SHOW_RELATED_STATEMENTS = COMMANDS.showRelatedStatements;

/** Server → client: sent each time indexing finishes (the full pass and every incremental update). */
export const IndexedNotification = new NotificationType<IndexedParams>('statementLens/indexed');

/**
 * Server → client: a full pass has started (at start-up, on a reindex request, or because a corpus setting
 * changed), so figures shown until the next `statementLens/indexed` are the old corpus's.
 */
export const IndexingStartedNotification = new NotificationType<Record<string, never>>('statementLens/indexingStarted');
