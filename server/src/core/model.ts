/** The statement model: what the corpus says, who said it, when, in which role. Plain data, no behaviour. */

/** Where a metadata field came from, shown to users so they can trust or fix it. */
export type Provenance = 'frontMatter' | 'sidecar' | 'text' | 'fileName' | 'unknown';

export interface Field<T> {
  readonly value: T;
  readonly source: Provenance;
}

/** Offsets into the document text, end exclusive. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/**
 * The form of a quotation: `direct` (in quotation marks, a sentence or more), `fragment` (a few quoted words
 * inside the writer's own sentence: called the deal “a shameful surrender”), `reported` (indirect speech),
 * `speech` (a paragraph of a speech), `transcript` (a turn).
 */
export type QuoteKind = 'direct' | 'reported' | 'fragment' | 'speech' | 'transcript';

/** Who the speaker is: a named `person`, a named `organisation` ("the Foreign Ministry"), or an `unnamed` source ("a source"). */
export type SpeakerKind = 'person' | 'organisation' | 'unnamed';

export interface Quote {
  /** The quoted words exactly as in the document (for `reported`, the reported clause). */
  readonly text: string;
  /** Canonical name of who said it (for organisations and unnamed sources, as the text writes them), or null. */
  readonly speaker: string | null;
  /** Absent for a person (and when there is no speaker). */
  readonly speakerKind?: Exclude<SpeakerKind, 'person'>;
  /** Who relays words first spoken by `speaker` ("Quoting President Xi, the ambassador said ..."). */
  readonly via?: string;
  readonly kind: QuoteKind;
  readonly span: Span;
}

/** A role as one document states it; the date is that document's date. */
export interface Role {
  readonly title: string;
  readonly date: string | null;
}

export interface Person {
  /** Canonical full name as the corpus writes it ("Qin Gang", "Antony J. Blinken"). */
  readonly name: string;
  readonly roles: Role[];
  /** Other forms that refer to this person ("Qin", "Secretary Blinken"). */
  readonly aliases: string[];
  /** Every mention of the person in the document (full name and aliases). */
  readonly mentions: Span[];
  /** The mention that introduces the person with a role, if any. */
  readonly introduction?: Span;
}

export type DocumentKind = 'article' | 'readout' | 'speech' | 'transcript' | 'statement';

export interface Paragraph {
  readonly span: Span;
  /** Web debris (cookie banners, captions, "Read more" lines): never a quote, person or search hit. */
  readonly debris: boolean;
}

/** A problem met while reading a document, reported to the user; the document is still indexed. */
export interface DocumentProblem {
  readonly message: string;
  readonly span?: Span;
  readonly severity: 'error' | 'warning' | 'info';
}

export interface StatementDocument {
  readonly uri: string;
  readonly text: string;
  readonly kind: DocumentKind;
  readonly title: Field<string | null>;
  /** ISO `YYYY-MM-DD`, `YYYY-MM` or `YYYY`, or null. */
  readonly date: Field<string | null>;
  /** A date the text gives without a year ("June 18"), kept as written rather than completed by guessing. */
  readonly partialDate?: string;
  readonly outlet: Field<string | null>;
  /** Where the document was published (`source_url`/`url` of front matter or a sidecar); http(s) only. */
  readonly url: Field<string | null>;
  readonly speakers: Field<string[]>;
  readonly paragraphs: Paragraph[];
  readonly people: Person[];
  readonly quotes: Quote[];
  readonly problems: DocumentProblem[];
}

/** Metadata given outside the text: YAML front matter or a sidecar file of the corpus folder. */
export interface GivenMetadata {
  title?: string;
  date?: string;
  outlet?: string;
  /** An http(s) address of the published document. */
  url?: string;
  speakers?: string[];
  kind?: DocumentKind;
  source?: string;
}

/**
 * What the core asks of a cancellation token: LSP's CancellationToken, or any object that says whether the
 * caller still wants the answer. Long loops check it.
 */
export interface Cancellation {
  readonly isCancellationRequested: boolean;
}
