import type { Person, Role, StatementDocument } from './model';
import { surnameOf } from './people';
import { QuoteSearchIndex, type SearchEntry } from './quoteSearch';
import { splitSentences } from './sentences';

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
  private quoteCount = 0;

  get size(): number {
    return this.documents.size;
  }

  get(uri: string): StatementDocument | undefined {
    return this.documents.get(uri);
  }

  all(): IterableIterator<StatementDocument> {
    return this.documents.values();
  }

  set(document: StatementDocument): void {
    this.delete(document.uri);
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
    this.search.setDocument(document.uri, searchEntries(document, name => this.canonicalName(name)));
  }

  delete(uri: string): boolean {
    const document = this.documents.get(uri);
    if (!document) return false;
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
    const aliases = new Set<string>();
    const uris = new Set<string>();
    for (const form of forms) {
      for (const [uri, person] of this.peopleByName.get(form) ?? []) {
        uris.add(uri);
        for (const role of person.roles) if (!roles.some(r => r.title.toLowerCase() === role.title.toLowerCase() && r.date === role.date)) roles.push({ ...role, uri });
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
}

/** Quotations longer than this are searched sentence by sentence, so a hit points at the words that matched. */
const LONG_QUOTE = 320;

/**
 * What search sees of a document: every quotation (long ones sentence by sentence, each keeping its speaker)
 * and every body sentence that no quotation covers.
 */
function searchEntries(document: StatementDocument, canonical: (name: string) => string): SearchEntry[] {
  const { text } = document;
  const base = { uri: document.uri, date: document.date.value, documentTitle: document.title.value ?? fileNameOf(document.uri) };
  const names = new Map<string, readonly string[]>();
  const speakerNames = (speaker: string | null): readonly string[] => {
    if (!speaker) return [];
    let known = names.get(speaker);
    if (!known) names.set(speaker, (known = [...new Set([canonical(speaker), speaker, ...(document.people.find(p => p.name === speaker)?.aliases ?? [])])]));
    return known;
  };
  const entries: SearchEntry[] = [];
  for (const quote of document.quotes) {
    const speaker = quote.speaker ? canonical(quote.speaker) : null;
    const shared = { ...base, speaker, speakerNames: speakerNames(quote.speaker), isQuote: true };
    if (quote.text.length <= LONG_QUOTE) {
      entries.push({ ...shared, text: quote.text, span: quote.span });
      continue;
    }
    for (const sentence of splitSentences(text, quote.span)) {
      const sentenceText = text.slice(sentence.start, sentence.end).replace(/\s+/g, ' ').trim();
      if (sentenceText.length >= 12) entries.push({ ...shared, text: sentenceText, span: sentence });
    }
  }
  const covered = document.quotes.map(q => q.span).sort((a, b) => a.start - b.start);
  let next = 0;
  for (const paragraph of document.paragraphs) {
    if (paragraph.debris) continue;
    for (const sentence of splitSentences(text, paragraph.span)) {
      while (next < covered.length && covered[next].end <= sentence.start) next++;
      if (next < covered.length && covered[next].start < sentence.end) continue;
      const sentenceText = text.slice(sentence.start, sentence.end).replace(/\s+/g, ' ').trim();
      if (sentenceText.length >= 20) entries.push({ ...base, text: sentenceText, span: sentence, speaker: null, speakerNames: [], isQuote: false });
    }
  }
  return entries;
}

export function fileNameOf(uri: string): string {
  return decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1));
}
