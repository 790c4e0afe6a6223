import type { Person, Quote, Role, Span, StatementDocument } from './model';
import { surnameOf } from './people';
import { NameDictionary, type NameOccurrence } from './names';
import { QuoteSearchIndex, type SearchEntry, type SearchHit } from './quoteSearch';
import { prepareSearch, type PreparedSearch } from './searchPreparation';

/** A person across the whole corpus: every role with its date, every alias, every document. */
export interface CorpusPerson {
  readonly name: string;
  /** Roles with the date of the document that states them, most recent first. */
  readonly roles: (Role & { uri: string })[];
  readonly aliases: string[];
  readonly uris: string[];
}

export interface CorpusStats {
  readonly documents: number;
  readonly quotes: number;
  readonly people: number;
}

/**
 * The corpus in memory: parsed documents, people across documents, and the search index. Everything derived
 * is updated per document on `set`/`delete`, never recomputed over the whole corpus per request.
 */
export class CorpusIndex {
  private readonly documents = new Map<string, StatementDocument>();
  /** name → (uri → that document's view of the person). */
  private readonly peopleByName = new Map<string, Map<string, Person>>();
  private readonly fullNamesBySurname = new Map<string, Set<string>>();
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
    for (const person of document.people) {
      let byUri = this.peopleByName.get(person.name);
      if (!byUri) this.peopleByName.set(person.name, (byUri = new Map()));
      byUri.set(document.uri, person);
      if (person.name.includes(' ')) {
        const surname = surnameOf(person.name);
        let names = this.fullNamesBySurname.get(surname);
        if (!names) this.fullNamesBySurname.set(surname, (names = new Set()));
        names.add(person.name);
      }
    }
    this.names.add(document);
    this.search.setDocument({
      uri: document.uri,
      date: document.date.value,
      documentTitle: document.title.value ?? fileNameOf(document.uri),
      prepared: search,
      // Resolved when a hit is made, so a name the corpus learns later ("Biden" → "Joe Biden") applies.
      speakerOf: raw => {
        const speaker = this.canonicalName(raw);
        return { speaker, speakerNames: [...new Set([speaker, raw, ...(document.people.find(p => p.name === raw)?.aliases ?? [])])] };
      },
    });
  }

  delete(uri: string): boolean {
    const document = this.documents.get(uri);
    if (!document) return false;
    this.revision++;
    this.documents.delete(uri);
    this.quoteCount -= document.quotes.length;
    for (const person of document.people) {
      const byUri = this.peopleByName.get(person.name);
      byUri?.delete(uri);
      if (byUri && byUri.size === 0) {
        this.peopleByName.delete(person.name);
        this.fullNamesBySurname.get(surnameOf(person.name))?.delete(person.name);
      }
    }
    this.names.remove(document);
    this.search.removeDocument(uri);
    return true;
  }

  stats(): CorpusStats {
    return { documents: this.documents.size, quotes: this.quoteCount, people: this.peopleCount() };
  }

  /**
   * The corpus-wide name for a name one document uses: a surname-only person ("Biden", from "President Biden")
   * is the full-name person with that surname when the corpus knows exactly one.
   */
  canonicalName(name: string): string {
    if (name.includes(' ')) return name;
    const names = this.fullNamesBySurname.get(name);
    return names && names.size === 1 ? [...names][0] : name;
  }

  person(name: string): CorpusPerson | undefined {
    const canonical = this.canonicalName(name);
    const forms = [canonical, ...(canonical.includes(' ') && this.canonicalName(surnameOf(canonical)) === canonical ? [surnameOf(canonical)] : [])];
    const roles: (Role & { uri: string })[] = [];
    const seenRoles = new Set<string>();
    const aliases = new Set<string>();
    const uris = new Set<string>();
    for (const form of forms) {
      for (const [uri, person] of this.peopleByName.get(form) ?? []) {
        uris.add(uri);
        for (const role of person.roles) {
          // A role stated again on the same date is one entry of the timeline (people in thousands of documents).
          const key = `${role.title.toLowerCase()}\u0000${role.date}`;
          if (seenRoles.has(key)) continue;
          seenRoles.add(key);
          roles.push({ ...role, uri });
        }
        for (const alias of person.aliases) aliases.add(alias);
        if (form !== canonical) aliases.add(form);
      }
    }
    if (uris.size === 0) return undefined;
    roles.sort((a, b) => (b.date ?? '').localeCompare(a.date ?? ''));
    aliases.delete(canonical);
    return { name: canonical, roles, aliases: [...aliases], uris: [...uris] };
  }

  peopleNames(): string[] {
    return [...new Set([...this.peopleByName.keys()].map(name => this.canonicalName(name)))];
  }

  private peopleCount(): number {
    return this.peopleNames().length;
  }

  searchQuotes(...args: Parameters<QuoteSearchIndex['search']>): ReturnType<QuoteSearchIndex['search']> {
    return this.search.search(...args);
  }

  /** Deferred search-index work in small slices; true while more remains. */
  warmUp(): boolean {
    return this.search.warmUp();
  }

  relatedStatements(text: string, limit: number, exclude?: (entry: SearchEntry) => boolean, token?: { isCancellationRequested: boolean }): SearchHit[] {
    return this.search.related(text, limit, exclude, token);
  }

  /** Where a quoted passage may come from: the entries sharing most of its rarest words. */
  passagesContaining(text: string, limit?: number): SearchEntry[] {
    return this.search.passagesContaining(text, limit);
  }

  /** Known names in any text (a draft), each with the corpus-wide people it may stand for. */
  findNames(text: string, start?: number, end?: number): NameOccurrence[] {
    return this.names.findNames(text, start, end).map(occurrence => this.canonicalOccurrence(occurrence));
  }

  nameAt(text: string, offset: number): NameOccurrence | undefined {
    const occurrence = this.names.nameAt(text, offset);
    return occurrence && this.canonicalOccurrence(occurrence);
  }

  private canonicalOccurrence(occurrence: NameOccurrence): NameOccurrence {
    return { ...occurrence, people: [...new Set(occurrence.people.map(name => this.canonicalName(name)))] };
  }

  /** The forms one canonical person has in documents: the full name, and the surname-only person it absorbed. */
  private documentForms(canonical: string): string[] {
    const surname = surnameOf(canonical);
    return canonical.includes(' ') && this.canonicalName(surname) === canonical && this.peopleByName.has(surname) ? [canonical, surname] : [canonical];
  }

  /** Every mention of a person across the corpus, document by document. */
  mentionsOf(name: string): { uri: string; span: Span }[] {
    const mentions: { uri: string; span: Span }[] = [];
    for (const form of this.documentForms(this.canonicalName(name))) {
      for (const [uri, person] of this.peopleByName.get(form) ?? []) for (const span of person.mentions) mentions.push({ uri, span });
    }
    return mentions;
  }

  /** Where the corpus introduces a person with a role: the first such mention, then one per distinct role. */
  introductionsOf(name: string): { uri: string; span: Span; role: string; date: string | null }[] {
    const found: { uri: string; span: Span; role: string; date: string | null }[] = [];
    for (const form of this.documentForms(this.canonicalName(name))) {
      for (const [uri, person] of this.peopleByName.get(form) ?? []) {
        if (!person.introduction || person.roles.length === 0) continue;
        found.push({ uri, span: person.introduction, role: person.roles[0].title, date: this.documents.get(uri)?.date.value ?? null });
      }
    }
    found.sort((a, b) => (a.date ?? '9999').localeCompare(b.date ?? '9999') || a.uri.localeCompare(b.uri));
    const distinct = new Set<string>();
    return found.filter(intro => {
      const role = intro.role.toLowerCase();
      if (distinct.has(role)) return false;
      distinct.add(role);
      return true;
    });
  }

  /** A person's quotations, most recent first. */
  quotesBy(name: string): { uri: string; quote: Quote; date: string | null }[] {
    const canonical = this.canonicalName(name);
    const uris = new Set(this.documentForms(canonical).flatMap(form => [...(this.peopleByName.get(form)?.keys() ?? [])]));
    const quotes: { uri: string; quote: Quote; date: string | null }[] = [];
    for (const uri of uris) {
      const document = this.documents.get(uri);
      if (!document) continue;
      for (const quote of document.quotes) if (quote.speaker && this.canonicalName(quote.speaker) === canonical) quotes.push({ uri, quote, date: document.date.value });
    }
    return quotes.sort((a, b) => (b.date ?? '').localeCompare(a.date ?? ''));
  }
}

export function fileNameOf(uri: string): string {
  return decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1));
}
