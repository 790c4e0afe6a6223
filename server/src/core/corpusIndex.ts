import type { Person, Quote, Role, Span, StatementDocument } from './model';
import { surnameOf } from './people';
import { NameDictionary, type NameOccurrence } from './names';
import { introductionOrder, NameFacts, newerFirst, type Introduction } from './nameFacts';
import { QuoteSearchIndex, type SearchEntry, type SearchHit } from './quoteSearch';
import { prepareSearch, type PreparedSearch } from './searchPreparation';

export type { Introduction } from './nameFacts';

/** A person across the whole corpus: every role with its date, every alias, every document. */
export interface CorpusPerson {
  readonly name: string;
  /** Roles with the date of the document that states them, most recent first. */
  readonly roles: readonly (Role & { uri: string })[];
  readonly aliases: readonly string[];
  /** The documents that name them, most recent first. */
  readonly uris: readonly string[];
}

/** One title a person held, with the first and last date documents state it, over how many dated statements. */
export interface RoleSpan {
  readonly title: string;
  readonly first: string | null;
  readonly last: string | null;
  readonly count: number;
}

export interface PersonQuote {
  readonly uri: string;
  readonly quote: Quote;
  readonly date: string | null;
}

export interface CorpusStats {
  readonly documents: number;
  readonly quotes: number;
  readonly people: number;
}

/**
 * One person as hovers and cross-references see them: the facts of each name documents file them under (the
 * full name, and a surname-only person it absorbed), merged on first use and kept until a document naming
 * them is set or deleted.
 */
interface PersonRecord {
  readonly canonical: string;
  readonly forms: readonly { name: string; facts: NameFacts }[];
  person?: CorpusPerson;
  timeline?: readonly RoleSpan[];
  documents?: readonly StatementDocument[];
  introductions?: readonly Introduction[];
  mentions?: readonly { uri: string; span: Span }[];
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
  /** Name as documents write it → what they say of it (roles, aliases, documents by date, introductions). */
  private readonly facts = new Map<string, NameFacts>();
  /** Canonical name → that person's merged record (see PersonRecord). */
  private readonly records = new Map<string, PersonRecord>();
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
    for (const [name, person] of peopleOf(document)) this.factsOf(name).addPerson(document, person);
    for (const speaker of speakersOf(document)) this.factsOf(speaker).quoting.add(document);
    this.forgetRecordsOf(document);
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
    this.forgetRecordsOf(document);
    const people = peopleOf(document), speakers = speakersOf(document);
    for (const [name, person] of people) this.facts.get(name)?.removePerson(document, person);
    for (const speaker of speakers) this.facts.get(speaker)?.quoting.remove(document, item => item.uri === uri);
    for (const name of [...people.keys(), ...speakers]) if (this.facts.get(name)?.isEmpty) this.facts.delete(name);
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
    const record = this.record(name);
    if (!record) return undefined;
    if (!record.person) {
      const roles: (Role & { uri: string })[] = [];
      const seenRoles = new Set<string>();
      const aliases = new Set<string>();
      for (const { name: form, facts } of record.forms) {
        // A role stated again on the same date is one entry of the timeline (people in thousands of documents).
        for (const [key, role] of facts.roles) {
          if (seenRoles.has(key)) continue;
          seenRoles.add(key);
          roles.push({ title: role.titles[0], date: role.date, uri: role.uris[0] });
        }
        for (const alias of facts.aliases.keys()) aliases.add(alias);
        if (form !== record.canonical && facts.documents.items.length) aliases.add(form);
      }
      roles.sort((a, b) => newerFirst(a.date, b.date));
      aliases.delete(record.canonical);
      record.person = { name: record.canonical, roles, aliases: [...aliases], uris: this.documentsOf(name).map(document => document.uri) };
    }
    return record.person;
  }

  /** A person's roles grouped by title, each with the first and last date a document states it, most recent first. */
  roleTimelineOf(name: string): readonly RoleSpan[] {
    const person = this.person(name);
    if (!person) return [];
    const record = this.record(name)!;
    if (!record.timeline) {
      const byTitle = new Map<string, { title: string; first: string | null; last: string | null; count: number }>();
      for (const role of person.roles) {
        const key = role.title.toLowerCase();
        const entry = byTitle.get(key);
        if (!entry) byTitle.set(key, { title: role.title, first: role.date, last: role.date, count: 1 });
        else {
          entry.count++;
          if (role.date && (!entry.first || role.date < entry.first)) entry.first = role.date;
          if (role.date && (!entry.last || role.date > entry.last)) entry.last = role.date;
        }
      }
      record.timeline = [...byTitle.values()].sort((a, b) => newerFirst(a.last, b.last));
    }
    return record.timeline;
  }

  /** The documents that name a person, most recent first. */
  documentsOf(name: string): readonly StatementDocument[] {
    const record = this.record(name);
    if (!record) return [];
    return (record.documents ??= mergeSorted(record.forms.map(form => form.facts.documents.items), documentsNewerFirst));
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

  /** Every mention of a person across the corpus, document by document. */
  mentionsOf(name: string): readonly { uri: string; span: Span }[] {
    const record = this.record(name);
    if (!record) return [];
    if (!record.mentions) {
      const mentions: { uri: string; span: Span }[] = [];
      for (const form of record.forms) {
        for (const [uri, person] of this.peopleByName.get(form.name) ?? []) for (const span of person.mentions) mentions.push({ uri, span });
      }
      record.mentions = mentions;
    }
    return record.mentions;
  }

  /** Where the corpus introduces a person with a role: the first such mention, then one per distinct role. */
  introductionsOf(name: string): readonly Introduction[] {
    const record = this.record(name);
    if (!record) return [];
    if (!record.introductions) {
      // The oldest introduction of each distinct role, in the order of those oldest ones.
      const oldest = new Map<string, Introduction>();
      for (const { facts } of record.forms) {
        for (const [role, list] of facts.introductions) {
          const first = list.items[0], known = oldest.get(role);
          if (!known || introductionOrder(first, known) < 0) oldest.set(role, first);
        }
      }
      record.introductions = [...oldest.values()].sort(introductionOrder);
    }
    return record.introductions;
  }

  /**
   * A person's quotations, most recent first; `limit` stops early. Only documents where the person speaks are
   * read, newest first, so the latest three quotations of someone quoted in thousands of documents are cheap.
   */
  quotesBy(name: string, limit = Infinity): PersonQuote[] {
    const record = this.record(name);
    if (!record) return [];
    const quotes: PersonQuote[] = [];
    for (const document of mergeSorted(record.forms.map(form => form.facts.quoting.items), documentsNewerFirst, limit)) {
      for (const quote of document.quotes) {
        if (quotes.length >= limit) return quotes;
        if (quote.speaker && this.canonicalName(quote.speaker) === record.canonical) quotes.push({ uri: document.uri, quote, date: document.date.value });
      }
    }
    return quotes;
  }

  /** The person's record, made on first use; undefined when no document names them. */
  private record(name: string): PersonRecord | undefined {
    const canonical = this.canonicalName(name);
    let record = this.records.get(canonical);
    if (!record) {
      const surname = surnameOf(canonical);
      const names = canonical.includes(' ') && this.canonicalName(surname) === canonical ? [canonical, surname] : [canonical];
      const forms = names.flatMap(form => {
        const facts = this.facts.get(form);
        return facts ? [{ name: form, facts }] : [];
      });
      if (!forms.some(form => form.facts.documents.items.length)) return undefined;
      this.records.set(canonical, (record = { canonical, forms }));
    }
    return record;
  }

  private factsOf(name: string): NameFacts {
    let facts = this.facts.get(name);
    if (!facts) this.facts.set(name, (facts = new NameFacts()));
    return facts;
  }

  /**
   * Drops the records a document feeds, before it leaves and after it arrives. A name's surname group covers
   * every record it can reach: "Biden" belongs to "Joe Biden" only until a "Hunter Biden" appears.
   */
  private forgetRecordsOf(document: StatementDocument): void {
    if (this.records.size === 0) return;
    for (const name of [...peopleOf(document).keys(), ...speakersOf(document)]) {
      this.records.delete(name);
      const surname = surnameOf(name);
      this.records.delete(surname);
      for (const fullName of this.fullNamesBySurname.get(surname) ?? []) this.records.delete(fullName);
    }
  }
}

export function fileNameOf(uri: string): string {
  return decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1));
}

const documentsNewerFirst = (a: StatementDocument, b: StatementDocument) => newerFirst(a.date.value, b.date.value);

/** A document's people by name (the last wins if a name repeats, as in `peopleByName`). */
function peopleOf(document: StatementDocument): Map<string, Person> {
  return new Map(document.people.map(person => [person.name, person]));
}

function speakersOf(document: StatementDocument): Set<string> {
  const speakers = new Set<string>();
  for (const quote of document.quotes) if (quote.speaker) speakers.add(quote.speaker);
  return speakers;
}

/**
 * Merges lists of documents sorted in one order, each document once (a document may name both forms); ties
 * keep the earlier list first. With `limit`, stops after that many.
 */
function mergeSorted<T extends { uri: string }>(lists: readonly (readonly T[])[], order: (a: T, b: T) => number, limit = Infinity): readonly T[] {
  const present = lists.filter(list => list.length);
  if (present.length === 0) return [];
  if (present.length === 1) return limit >= present[0].length ? present[0].slice() : present[0].slice(0, limit);
  const [first, second] = present;
  const merged: T[] = [];
  const seen = new Set<string>();
  let i = 0, j = 0;
  while ((i < first.length || j < second.length) && merged.length < limit) {
    const next = j >= second.length || (i < first.length && order(first[i], second[j]) <= 0) ? first[i++] : second[j++];
    if (!seen.has(next.uri)) {
      seen.add(next.uri);
      merged.push(next);
    }
  }
  return merged;
}
