import type { Cancellation, Person, Quote, Role, Span, StatementDocument } from '../model';
import type { NameOccurrence } from '../understand/names';
import { PersonResolver, type Identity, type Merge } from '../identity/personResolution';
import { officeOfName, type OfficeHolding } from '../identity/offices';
import type { PeopleRules } from '../identity/peopleRules';
import { HONORIFICS, ROLE_HEADS } from '../understand/lexicon';
import { introductionOrder, NameFacts, newerFirst, type Introduction } from './nameFacts';

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
  /** `sidecar` for a role people.yaml gives (then `first`/`last` are its from/to); else stated by documents. */
  readonly source?: 'sidecar' | 'text';
}

/** A resolved person for listings (CLI `people`, `statementLens/people`). */
export interface PersonSummary {
  readonly name: string;
  /** Every other name the corpus (and people.yaml) uses for them, most used first. */
  readonly aliases: readonly string[];
  readonly roles: readonly { title: string; from: string | null; to: string | null; source?: 'sidecar' }[];
  readonly documents: number;
  readonly quotes: number;
  /** Why each name was counted as this person. */
  readonly merges: readonly Merge[];
}

export interface PersonQuote {
  readonly uri: string;
  readonly quote: Quote;
  readonly date: string | null;
}

/**
 * One person as hovers and cross-references see them: the facts of each name documents file them under (the
 * full name, and a surname-only person it absorbed), merged on first use and kept until a document naming
 * them is set or deleted.
 */
interface PersonRecord {
  readonly canonical: string;
  /** Written names and their facts; `uris` limits a name decided per document to the documents that are theirs. */
  readonly forms: readonly { name: string; facts: NameFacts; uris?: ReadonlySet<string> }[];
  person?: CorpusPerson;
  timeline?: readonly RoleSpan[];
  documents?: readonly StatementDocument[];
  introductions?: readonly Introduction[];
  mentions?: readonly { uri: string; span: Span }[];
}

/**
 * The people of the corpus: each document's people and speakers filed by name, which names are one person
 * (identity/personResolution.ts), and per person a record merged on first use. Kept in step with the
 * documents by `addDocument`/`removeDocument`; CorpusIndex is its face.
 */
export class PeopleRegistry {
  /** name → (uri → that document's view of the person). */
  private readonly peopleByName = new Map<string, Map<string, Person>>();
  /** Which names, in which documents, are one person (identity/personResolution.ts). */
  private readonly resolver = new PersonResolver();
  /** Name as documents write it → what they say of it (roles, aliases, documents by date, introductions). */
  private readonly facts = new Map<string, NameFacts>();
  /** Canonical name → that person's merged record (see PersonRecord). */
  private readonly records = new Map<string, PersonRecord>();

  addDocument(document: StatementDocument): void {
    for (const person of document.people) {
      let byUri = this.peopleByName.get(person.name);
      if (!byUri) this.peopleByName.set(person.name, (byUri = new Map<string, Person>()));
      byUri.set(document.uri, person);
    }
    for (const [name, person] of peopleOf(document)) this.factsOf(name).addPerson(document, person);
    for (const speaker of speakersOf(document)) this.factsOf(speaker).quoting.add(document);
    this.resolver.setDocument(document);
  }

  removeDocument(document: StatementDocument): void {
    const uri = document.uri;
    const people = peopleOf(document), speakers = speakersOf(document);
    for (const [name, person] of people) this.facts.get(name)?.removePerson(document, person);
    for (const speaker of speakers) this.facts.get(speaker)?.quoting.remove(document, item => item.uri === uri);
    for (const name of [...people.keys(), ...speakers]) if (this.facts.get(name)?.isEmpty) this.facts.delete(name);
    for (const person of document.people) {
      const byUri = this.peopleByName.get(person.name);
      byUri?.delete(uri);
      if (byUri && byUri.size === 0) this.peopleByName.delete(person.name);
    }
    this.resolver.deleteDocument(uri);
  }

  setRules(rules: PeopleRules): void {
    this.resolver.setRules(rules);
  }

  /** Brings person resolution up to date with the documents set since; drops the records it changed. */
  sync(): void {
    if (!this.resolver.pending) return;
    for (const id of this.resolver.flush()) this.records.delete(id);
  }

  /** Who a quotation's raw speaker is in a document, with every name of that person (for search hits). */
  speakerOf(raw: string, uri: string) {
    this.sync();
    const speaker = this.resolver.identityOf(raw, uri);
    return { speaker, speakerNames: this.resolver.namesOf(speaker) };
  }

  /**
   * The person a name stands for: in a document when `uri` is given ("Biden" there), else the person the name
   * most often stands for. Names the corpus does not know come back as they are.
   */
  canonicalName(name: string, uri?: string): string {
    this.sync();
    return this.resolver.identityOf(name, uri);
  }

  /** Who held the office a document's speaker names ("President") on the document's date, and why. */
  officeHolding(name: string, uri: string): OfficeHolding | undefined {
    this.sync();
    return this.resolver.officeHolding(name, uri);
  }

  /** The resolved person with this id (a canonical name), with every name and why it was joined. */
  identity(name: string): Identity | undefined {
    this.sync();
    return this.resolver.identity(this.resolver.identityOf(name));
  }

  /** Resolved people, most documents first; `query` keeps those with a name or alias containing it (accents and case aside). */
  people(query?: string, limit = Infinity, token?: Cancellation): PersonSummary[] {
    this.sync();
    const wanted = query ? foldForMatch(query) : '';
    const identities = [...this.resolver.all()].filter(identity => !identity.hidden && identity.documents > 0);
    identities.sort((a, b) => b.documents - a.documents || (a.id < b.id ? -1 : 1));
    const found: PersonSummary[] = [];
    for (const identity of identities) {
      if (found.length >= limit || token?.isCancellationRequested) break;
      if (wanted && !this.resolver.namesOf(identity.id).some(name => foldForMatch(name).includes(wanted))) continue;
      const person = this.person(identity.id);
      if (!person) continue;
      const roles = this.roleTimelineOf(identity.id).map(role => ({ title: role.title, from: role.first, to: role.last, ...(role.source === 'sidecar' ? { source: 'sidecar' as const } : {}) }));
      found.push({ name: identity.id, aliases: person.aliases, roles, documents: identity.documents, quotes: identity.quotes, merges: identity.merges });
    }
    return found;
  }

  person(name: string): CorpusPerson | undefined {
    const record = this.record(name);
    if (!record) return undefined;
    if (!record.person) {
      const roles: (Role & { uri: string })[] = [];
      const seenRoles = new Set<string>();
      const aliasCounts = new Map<string, number>();
      const countAlias = (alias: string, count: number) => aliasCounts.set(alias, (aliasCounts.get(alias) ?? 0) + count);
      for (const { name: form, facts, uris } of record.forms) {
        // A role stated again on the same date is one entry of the timeline (people in thousands of documents).
        for (const [key, role] of facts.roles) {
          if (seenRoles.has(key)) continue;
          const at = uris ? role.uris.findIndex(uri => uris.has(uri)) : 0;
          if (at < 0) continue;
          seenRoles.add(key);
          roles.push({ title: role.titles[at], date: role.date, uri: role.uris[at] });
        }
        // A name decided per document ("Biden") brings its aliases only from the documents that are this person's.
        if (!uris) for (const [alias, count] of facts.aliases) countAlias(alias, count);
        else for (const uri of uris) for (const alias of this.peopleByName.get(form)?.get(uri)?.aliases ?? []) countAlias(alias, 1);
        const documents = uris ? uris.size : facts.documents.items.length;
        // An office's title ("President") is not another name of its holder: their documents say "as President".
        if (form !== record.canonical && documents && !officeOfName(form)) countAlias(form, documents);
      }
      for (const alias of this.resolver.identity(record.canonical)?.extraAliases ?? []) countAlias(alias, 0);
      roles.sort((a, b) => newerFirst(a.date, b.date));
      aliasCounts.delete(record.canonical);
      const aliases = [...aliasCounts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([alias]) => alias);
      record.person = { name: record.canonical, roles, aliases, uris: this.documentsOf(name).map(document => document.uri) };
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
      const given: RoleSpan[] = (this.resolver.identity(record.canonical)?.extraRoles ?? []).map(role => ({ title: role.title, first: role.from, last: role.to, count: 0, source: 'sidecar' }));
      record.timeline = [...given, ...[...byTitle.values()].sort((a, b) => newerFirst(a.last, b.last))];
    }
    return record.timeline;
  }

  /** The documents that name a person, most recent first. */
  documentsOf(name: string): readonly StatementDocument[] {
    const record = this.record(name);
    if (!record) return [];
    return (record.documents ??= mergeSorted(record.forms.map(form => limitTo(form.facts.documents.items, form.uris)), documentsNewerFirst));
  }

  /** Every resolved person's name (hidden ones and non-people aside). */
  peopleNames(): string[] {
    this.sync();
    return [...this.resolver.all()].filter(identity => !identity.hidden && identity.documents > 0).map(identity => identity.id);
  }

  count(): number {
    this.sync();
    let count = 0;
    for (const identity of this.resolver.all()) if (!identity.hidden && identity.documents > 0) count++;
    return count;
  }

  /**
   * The people a name found in a draft may be: the people each written name it stands for resolves to. A bare
   * surname the corpus uses ("Biden") is who it stands for in the corpus, not every relative with that surname;
   * a title with it ("President Biden") keeps those who held that office.
   */
  resolveOccurrence(occurrence: NameOccurrence): NameOccurrence {
    this.sync();
    const written = occurrence.people;
    const bare = written.filter(name => !name.includes(' ') && this.resolver.identitiesOfName(name).length > 0);
    const ids = new Set<string>();
    for (const name of bare.length ? bare : written) {
      const resolved = this.resolver.identitiesOfName(name);
      for (const id of resolved.length ? resolved : [name]) if (!this.resolver.identity(id)?.hidden) ids.add(id);
    }
    let people = [...ids];
    const title = occurrence.form.split(/\s+/)[0].toLowerCase();
    if (people.length > 1 && /\s/.test(occurrence.form) && (ROLE_HEADS.has(title) || HONORIFICS.has(title))) {
      const holding = people.filter(id => this.roleTimelineOf(id).some(role => role.title.toLowerCase().split(/\s+/).includes(title)));
      if (holding.length) people = holding;
    }
    const documents = (id: string) => this.resolver.identity(id)?.documents ?? 0;
    people.sort((a, b) => documents(b) - documents(a));
    return { ...occurrence, people };
  }

  /** Every mention of a person across the corpus, document by document. */
  mentionsOf(name: string): readonly { uri: string; span: Span }[] {
    const record = this.record(name);
    if (!record) return [];
    if (!record.mentions) {
      const mentions: { uri: string; span: Span }[] = [];
      for (const form of record.forms) {
        for (const [uri, person] of this.peopleByName.get(form.name) ?? []) if (!form.uris || form.uris.has(uri)) for (const span of person.mentions) mentions.push({ uri, span });
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
      for (const { facts, uris } of record.forms) {
        for (const [role, list] of facts.introductions) {
          const first = uris ? list.items.find(item => uris.has(item.uri)) : list.items[0];
          if (!first) continue;
          const known = oldest.get(role);
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
    for (const document of mergeSorted(record.forms.map(form => limitTo(form.facts.quoting.items, form.uris)), documentsNewerFirst, limit)) {
      for (const quote of document.quotes) {
        if (quotes.length >= limit) return quotes;
        if (quote.speaker && this.resolver.identityOf(quote.speaker, document.uri) === record.canonical) quotes.push({ uri: document.uri, quote, date: document.date.value });
      }
    }
    return quotes;
  }

  /** The person's record, made on first use; undefined when no document names them or they are hidden. */
  private record(name: string): PersonRecord | undefined {
    this.sync();
    const canonical = this.resolver.identityOf(name);
    let record = this.records.get(canonical);
    if (!record) {
      const identity = this.resolver.identity(canonical);
      if (!identity || identity.hidden) return undefined;
      const forms: { name: string; facts: NameFacts; uris?: ReadonlySet<string> }[] = [];
      for (const form of identity.names) {
        const facts = this.facts.get(form);
        if (facts) forms.push({ name: form, facts });
      }
      for (const [form, uris] of identity.partial) {
        const facts = this.facts.get(form);
        if (facts) forms.push({ name: form, facts, uris });
      }
      if (!forms.some(form => form.facts.documents.items.length || form.facts.quoting.items.length)) return undefined;
      this.records.set(canonical, (record = { canonical, forms }));
    }
    return record;
  }

  private factsOf(name: string): NameFacts {
    let facts = this.facts.get(name);
    if (!facts) this.facts.set(name, (facts = new NameFacts()));
    return facts;
  }

}

const documentsNewerFirst = (a: StatementDocument, b: StatementDocument) => newerFirst(a.date.value, b.date.value);

/** A document's people by name (the last wins if a name repeats, as in `peopleByName`). */
function peopleOf(document: StatementDocument): Map<string, Person> {
  return new Map(document.people.map(person => [person.name, person]));
}

function speakersOf(document: StatementDocument): Set<string> {
  const speakers = new Set<string>();
  for (const quote of document.quotes) if (quote.speaker && !quote.speakerKind) speakers.add(quote.speaker);
  return speakers;
}

/** The documents of a list that are in `uris` (all of them without it). */
function limitTo<T extends { uri: string }>(items: readonly T[], uris: ReadonlySet<string> | undefined): readonly T[] {
  return uris ? items.filter(item => uris.has(item.uri)) : items;
}

/** Lower case without accents, for name queries. */
function foldForMatch(text: string): string {
  return text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

/**
 * Merges lists of documents sorted in one order, each document once (a document may name several forms);
 * ties keep the earlier list first. With `limit`, stops after that many.
 */
function mergeSorted<T extends { uri: string }>(lists: readonly (readonly T[])[], order: (a: T, b: T) => number, limit = Infinity): readonly T[] {
  const present = lists.filter(list => list.length);
  if (present.length === 0) return [];
  if (present.length === 1) return limit >= present[0].length ? present[0].slice() : present[0].slice(0, limit);
  const heads = present.map(() => 0);
  const merged: T[] = [];
  const seen = new Set<string>();
  while (merged.length < limit) {
    let best = -1;
    for (let k = 0; k < present.length; k++) {
      if (heads[k] >= present[k].length) continue;
      if (best < 0 || order(present[k][heads[k]], present[best][heads[best]]) < 0) best = k;
    }
    if (best < 0) break;
    const next = present[best][heads[best]++];
    if (!seen.has(next.uri)) {
      seen.add(next.uri);
      merged.push(next);
    }
  }
  return merged;
}
