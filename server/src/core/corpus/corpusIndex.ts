import type { Cancellation, Quote, Span, StatementDocument } from '../model';
import { NameDictionary, type NameOccurrence } from '../understand/names';
import type { Identity } from '../identity/personResolution';
import type { PeopleRules } from '../identity/peopleRules';
import type { OfficeHolding } from '../identity/offices';
import type { Introduction } from './nameFacts';
import { PeopleRegistry, type CorpusPerson, type PersonQuote, type PersonSummary, type RoleSpan } from './peopleRegistry';
import { displayTitleOf } from './displayTitle';
import { boundQuery } from '../search/queryBounds';
import { QuoteSearchIndex, type SearchEntry, type SearchHit } from '../search/quoteSearch';
import { prepareSearch, type PreparedSearch } from '../search/searchPreparation';


export interface CorpusStats {
  readonly documents: number;
  readonly quotes: number;
  readonly people: number;
}

/**
 * The corpus in memory: parsed documents (kept here), the people across them (peopleRegistry.ts) and the search
 * index (search/), each updated per document on `set`/`delete`, never recomputed over the whole corpus per
 * request. Callers see one face; people and search methods forward.
 */
export class CorpusIndex {
  private readonly documents = new Map<string, StatementDocument>();
  private readonly registry = new PeopleRegistry();
  private readonly search = new QuoteSearchIndex();
  private readonly names = new NameDictionary();
  private quoteCount = 0;
  private revision = 0;

  /** Changes whenever a document is added, replaced or removed: results derived from the corpus key on it. */
  get version(): number {
    return this.revision;
  }

  get size(): number {
    return this.documents.size;
  }

  get(uri: string): StatementDocument | undefined {
    return this.documents.get(uri);
  }

  all(): IterableIterator<StatementDocument> {
    return this.documents.values();
  }

  /** Adds or replaces a document; `search` is its prepared search data when a worker computed it already. */
  set(document: StatementDocument, search: PreparedSearch = prepareSearch(document)): void {
    this.delete(document.uri);
    this.revision++;
    this.documents.set(document.uri, document);
    this.quoteCount += document.quotes.length;
    this.registry.addDocument(document);
    this.names.add(document);
    this.search.setDocument({
      uri: document.uri,
      date: document.date.value,
      documentTitle: displayTitleOf(document).title,
      prepared: search,
      // Resolved when a hit is made, so a name the corpus learns later ("Biden" → "Joe Biden") applies.
      speakerOf: raw => this.registry.speakerOf(raw, document.uri),
    });
  }

  delete(uri: string): boolean {
    const document = this.documents.get(uri);
    if (!document) return false;
    this.revision++;
    this.documents.delete(uri);
    this.quoteCount -= document.quotes.length;
    this.registry.removeDocument(document);
    this.names.remove(document);
    this.search.removeDocument(uri);
    return true;
  }

  stats(): CorpusStats {
    return { documents: this.documents.size, quotes: this.quoteCount, people: this.registry.count() };
  }

  /** people.yaml rules of every corpus folder, combined; the people they touch are resolved again. */
  setPeopleRules(rules: PeopleRules): void {
    this.registry.setRules(rules);
    this.names.setExtraForms(rules.people.flatMap(rule => [rule.name, ...rule.aliases].map(form => [form, rule.name] as [string, string])));
    this.revision++;
  }

  /**
   * The person a name stands for: in a document when `uri` is given ("Biden" there), else the person the name
   * most often stands for. Names the corpus does not know come back as they are.
   */
  canonicalName(name: string, uri?: string): string {
    return this.registry.canonicalName(name, uri);
  }

  /** The resolved person with this id (a canonical name), with every name and why it was joined. */
  identity(name: string): Identity | undefined {
    return this.registry.identity(name);
  }

  /**
   * A document's speaker named only by office ("President", "Press Secretary"): who held the office on the
   * document's date, from the corpus's titled mentions, and why; undefined when it is no office or unclear.
   */
  officeHolding(name: string, uri: string): OfficeHolding | undefined {
    return this.registry.officeHolding(name, uri);
  }

  /** Resolved people, most documents first; `query` keeps those with a name or alias containing it (accents and case aside). */
  people(query?: string, limit = Infinity, token?: Cancellation): PersonSummary[] {
    return this.registry.people(query, limit, token);
  }

  person(name: string): CorpusPerson | undefined {
    return this.registry.person(name);
  }

  /** A person's roles grouped by title, each with the first and last date a document states it, most recent first. */
  roleTimelineOf(name: string): readonly RoleSpan[] {
    return this.registry.roleTimelineOf(name);
  }

  /** The documents that name a person, most recent first. */
  documentsOf(name: string): readonly StatementDocument[] {
    return this.registry.documentsOf(name);
  }

  /** Every resolved person's name (hidden ones and non-people aside). */
  peopleNames(): string[] {
    return this.registry.peopleNames();
  }

  /** Every mention of a person across the corpus, document by document. */
  mentionsOf(name: string): readonly { uri: string; span: Span }[] {
    return this.registry.mentionsOf(name);
  }

  /** Where the corpus introduces a person with a role: the first such mention, then one per distinct role. */
  introductionsOf(name: string): readonly Introduction[] {
    return this.registry.introductionsOf(name);
  }

  /** A person's quotations, most recent first; `limit` stops early. */
  quotesBy(name: string, limit = Infinity): PersonQuote[] {
    return this.registry.quotesBy(name, limit);
  }

  /** Quote search; the query is bounded first (queryBounds.ts), whoever sent it. */
  searchQuotes(...[query, ...rest]: Parameters<QuoteSearchIndex['search']>): ReturnType<QuoteSearchIndex['search']> {
    this.registry.sync();
    const bounded = typeof query === 'string' ? boundQuery(query).text : { ...query, words: boundQuery(query.words).text };
    return this.search.search(bounded, ...rest);
  }

  /** Deferred search-index work in small slices; true while more remains. */
  warmUp(): boolean {
    return this.search.warmUp();
  }

  relatedStatements(text: string, limit: number, exclude?: (entry: SearchEntry) => boolean, token?: Cancellation): SearchHit[] {
    this.registry.sync();
    return this.search.related(text, limit, exclude, token);
  }

  /**
   * The quotation a search entry is part of: the innermost one with a speaker (a nested quotation is its own),
   * or undefined for the document's own text.
   */
  quotationOf(entry: SearchEntry): Quote | undefined {
    if (!entry.isQuote) return undefined;
    let found: Quote | undefined;
    for (const quote of this.documents.get(entry.uri)?.quotes ?? []) {
      if (quote.speaker === null || quote.span.start > entry.span.start || entry.span.end > quote.span.end) continue;
      if (!found || quote.span.end - quote.span.start < found.span.end - found.span.start) found = quote;
    }
    return found;
  }

  /** Where a quoted passage may come from: the entries sharing most of its rarest words. */
  passagesContaining(text: string, limit?: number): SearchEntry[] {
    this.registry.sync();
    return this.search.passagesContaining(text, limit);
  }

  /** Known names in any text (a draft), each with the corpus-wide people it may stand for. */
  findNames(text: string, start?: number, end?: number): NameOccurrence[] {
    return this.names.findNames(text, start, end).map(occurrence => this.registry.resolveOccurrence(occurrence));
  }

  nameAt(text: string, offset: number): NameOccurrence | undefined {
    const occurrence = this.names.nameAt(text, offset);
    return occurrence && this.registry.resolveOccurrence(occurrence);
  }
}
