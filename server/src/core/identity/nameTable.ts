/**
 * The written names of the corpus and what each document says of them (dates, title words, quotes), kept per
 * document as documents come and go; names are found by surname key ("block") and by folded spelling.
 */
import { HONORIFICS, NON_PERSON_WORDS, ROLE_HEADS, ROLE_MODIFIERS } from '../understand/lexicon';
import type { StatementDocument } from '../model';
import { foldName, nameParts, PARTICLES, type NameParts } from './nameParts';
import { introducedAsKin, placesOf, usageOf, type Usage } from './usage';

/** What one document says of one written name. */
export interface Evidence {
  readonly date: string | null;
  /** The date as a day number (dayOf), NaN when undated. */
  readonly day: number;
  /** Title words (role heads, honorifics) from the document's roles and aliases for the name: "president". */
  readonly titles: readonly string[];
  /** `titles` that are offices, not honorifics. */
  readonly offices: readonly string[];
  /** The name reads as the object of a role ("Secretary of Health and Human Services"), not a person. */
  readonly objectOfRole: boolean;
  readonly quotes: number;
  /** How the document's sentences use the name: as a person's ("X said", "his son X") or as a place's, a law's or a company's ("in X", "the X Act"); 'none' when they show neither. */
  readonly usage: Usage;
  /** The document introduces the name as someone's relative ("his son, X"): a namesake of the family, not them. */
  readonly kin: boolean;
  /** The title words, as one string. */
  readonly titleKey: string;
  /** Day and title words: documents with the same key are decided alike (thousands of "President Biden"). */
  readonly key: string;
}

/** Documents that say the same of a name (one Evidence.key, or one titleKey), with their quotes. */
export interface DocumentGroup {
  readonly uris: Set<string>;
  quotes: number;
}

/** The documents giving a name the same title words, and among them those of each day (by Evidence.key). */
export interface TitleGroup extends DocumentGroup {
  readonly days: Map<string, DocumentGroup>;
}

/** A key of NameEntry.groups in a map of Evidence.key: the documents of these title words on any day. */
export const titlesKey = (titleKey: string) => `*|${titleKey}`;

/** The group an Evidence.key or a titlesKey stands for. */
export function groupOfKey(entry: NameEntry, key: string): DocumentGroup | undefined {
  if (key.startsWith('*|')) return entry.groups.get(key.slice(2));
  return entry.groups.get(key.slice(key.indexOf('|') + 1))?.days.get(key);
}

export interface NameEntry {
  readonly name: string;
  readonly parts: NameParts | undefined;
  readonly documents: Map<string, Evidence>;
  /** The documents by title words (Evidence.titleKey), then by day (Evidence.key), kept with `documents`. */
  readonly groups: Map<string, TitleGroup>;
  /** Derived from `documents`, made on first use and dropped when they change. */
  profile?: EntryProfile;
}

export const HEAD_WORDS = new Set([...ROLE_HEADS, ...HONORIFICS]);
/** Honorifics say little about which of two people it is ("Mr. Biden"); offices do. */
export const WEAK_TITLES = new Set(['mr.', 'mrs.', 'ms.', 'miss', 'dr.', 'sir', 'madam', 'lord', 'comrade', 'prof.', 'professor', 'dame']);

/** A name's spelling with case, accents, dots and commas folded: "EL-SISI" and "El-Sisi" share it. */
export const foldKey = (name: string) => foldName(name).replace(/[.,]/g, '').replace(/\s+/g, ' ').trim();
export const blocksOf = (entry: NameEntry) => entry.parts?.blocks ?? [];

export class NameTable {
  private readonly entries = new Map<string, NameEntry>();
  private readonly namesByDocument = new Map<string, string[]>();
  private readonly blocks = new Map<string, Set<string>>();
  private readonly byFoldKey = new Map<string, Set<string>>();

  get(name: string): NameEntry | undefined {
    return this.entries.get(name);
  }

  names(): IterableIterator<string> {
    return this.entries.keys();
  }

  /** The names a document gives. */
  namesOf(uri: string): readonly string[] {
    return this.namesByDocument.get(uri) ?? [];
  }

  /** Names whose surname key is `block`. */
  inBlock(block: string): ReadonlySet<string> {
    return this.blocks.get(block) ?? new Set();
  }

  /** Names that fold to this key (foldKey). */
  withFoldKey(key: string): ReadonlySet<string> {
    return this.byFoldKey.get(key) ?? new Set();
  }

  /**
   * Takes a document's names in place of what it said before; returns the names whose evidence changed (an
   * edit that leaves a name's date, title words and quotes as they were changes nothing for it).
   */
  setDocument(document: StatementDocument): string[] {
    const uri = document.uri;
    const evidence = evidenceOf(document);
    const changed: string[] = [];
    for (const name of this.namesByDocument.get(uri) ?? []) {
      const before = this.entries.get(name)?.documents.get(uri), now = evidence.get(name);
      if (before && now && sameEvidence(before, now)) evidence.delete(name);
      else {
        this.forget(uri, name);
        changed.push(name);
      }
    }
    const kept = (this.namesByDocument.get(uri) ?? []).filter(name => !changed.includes(name));
    for (const [name, item] of evidence) {
      this.record(uri, name, item);
      changed.push(name);
    }
    this.namesByDocument.set(uri, [...kept, ...evidence.keys()]);
    return changed;
  }

  /** Forgets what a document said; returns the names it named. Names left without documents stay until `prune`. */
  deleteDocument(uri: string): string[] {
    const names = this.namesByDocument.get(uri);
    if (!names) return [];
    this.namesByDocument.delete(uri);
    for (const name of names) this.forget(uri, name);
    return [...names];
  }

  private record(uri: string, name: string, item: Evidence): void {
    let entry = this.entries.get(name);
    if (!entry) {
      entry = { name, parts: nameParts(name), documents: new Map(), groups: new Map() };
      this.entries.set(name, entry);
      for (const block of blocksOf(entry)) addTo(this.blocks, block, name);
      addTo(this.byFoldKey, foldKey(name), name);
    }
    entry.documents.set(uri, item);
    let titles = entry.groups.get(item.titleKey);
    if (!titles) entry.groups.set(item.titleKey, (titles = { uris: new Set(), quotes: 0, days: new Map() }));
    let day = titles.days.get(item.key);
    if (!day) titles.days.set(item.key, (day = { uris: new Set(), quotes: 0 }));
    for (const group of [titles, day]) {
      group.uris.add(uri);
      group.quotes += item.quotes;
    }
    entry.profile = undefined;
  }

  private forget(uri: string, name: string): void {
    const entry = this.entries.get(name);
    const evidence = entry?.documents.get(uri);
    if (!entry || !evidence) return;
    const titles = entry.groups.get(evidence.titleKey);
    const day = titles?.days.get(evidence.key);
    if (titles && day) {
      for (const group of [titles, day]) {
        group.uris.delete(uri);
        group.quotes -= evidence.quotes;
      }
      if (day.uris.size === 0) titles.days.delete(evidence.key);
      if (titles.uris.size === 0) entry.groups.delete(evidence.titleKey);
    }
    entry.documents.delete(uri);
    entry.profile = undefined;
  }

  /** Drops a name no document uses any more; false if some still do. */
  prune(name: string): boolean {
    const entry = this.entries.get(name);
    if (!entry || entry.documents.size > 0) return false;
    this.entries.delete(name);
    for (const block of blocksOf(entry)) removeFrom(this.blocks, block, name);
    removeFrom(this.byFoldKey, foldKey(name), name);
    return true;
  }
}

/** Written names of a document with what the document says of each. */
function evidenceOf(document: StatementDocument): Map<string, Evidence> {
  const quotes = new Map<string, number>();
  for (const quote of document.quotes) if (quote.speaker && !quote.speakerKind) quotes.set(quote.speaker, (quotes.get(quote.speaker) ?? 0) + 1);
  const evidence = new Map<string, Evidence>();
  const date = document.date.value;
  const day = date ? dayOf(date) : NaN;
  for (const person of document.people) {
    const titles = new Set<string>();
    let objectVotes = 0, personVotes = 0;
    for (const role of person.roles) {
      const words = role.title.toLowerCase().split(/\s+/);
      // "son of the president", "aide to the minister": the words after "of" or "to" are someone else's office.
      const own = words.findIndex((word, i) => i > 0 && /^(?:of|to|for|at|in|with|from|under)$/.test(word));
      for (const word of own === -1 ? words : words.slice(0, own)) if (HEAD_WORDS.has(word)) titles.add(word);
      const last = words[words.length - 1];
      if (HEAD_WORDS.has(last) || /^(?:former|late|then-\S+)$/.test(last)) personVotes++;
      else objectVotes++;
    }
    for (const alias of person.aliases) {
      const words = alias.split(/\s+/);
      if (words.length < 2) continue;
      const first = words[0].toLowerCase();
      if (HEAD_WORDS.has(first)) {
        titles.add(first);
        personVotes++;
      }
      // "New Mexico", "the Mexico": the end of a place's name. Not "bin Laden": a particle opens a name.
      else if (NON_PERSON_WORDS.has(first) || ROLE_MODIFIERS.has(first) || /^[a-z]/.test(words[0]) && !PARTICLES.has(first)) objectVotes++;
    }
    const words = titleWords([...titles].join(' '));
    const places = placesOf(document.text, person.name, person.mentions);
    evidence.set(person.name, { date, day, ...words, objectOfRole: objectVotes > personVotes, usage: usageOf(document.text, places), kin: introducedAsKin(document.text, places), quotes: quotes.get(person.name) ?? 0, key: evidenceKey(day, words.titleKey) });
  }
  const untitled = titleWords('');
  for (const name of new Set([...quotes.keys(), ...document.speakers.value])) {
    if (!evidence.has(name)) evidence.set(name, { date, day, ...untitled, objectOfRole: false, usage: 'none', kin: false, quotes: quotes.get(name) ?? 0, key: evidenceKey(day, '') });
  }
  return evidence;
}

/**
 * Evidence is kept per name and document (a quarter of a million on ../shared/corpora) but says one of a few
 * hundred sets of title words on one of a few thousand days: those strings and arrays are made once, shared.
 */
const titleWordsByKey = new Map<string, Pick<Evidence, 'titleKey' | 'titles' | 'offices'>>();
const keysByDay = new Map<number, Map<string, string>>();

function titleWords(titleKey: string): Pick<Evidence, 'titleKey' | 'titles' | 'offices'> {
  let words = titleWordsByKey.get(titleKey);
  if (!words) {
    const titles = titleKey ? titleKey.split(' ') : [];
    titleWordsByKey.set(titleKey, (words = { titleKey, titles, offices: titles.filter(title => !WEAK_TITLES.has(title)) }));
  }
  return words;
}

function evidenceKey(day: number, titleKey: string): string {
  let keys = keysByDay.get(day);
  if (!keys) keysByDay.set(day, (keys = new Map<string, string>()));
  let key = keys.get(titleKey);
  if (key === undefined) keys.set(titleKey, (key = `${day}|${titleKey}`));
  return key;
}

function dayOf(date: string): number {
  const [year, month = '06', day = '15'] = date.split('-');
  return Number(year) * 372 + (Number(month) - 1) * 31 + Number(day);
}

/** One written name's documents as a per-document decision sees them: title words, dates. */
export interface EntryProfile {
  /** Title word → how many documents give it. */
  readonly titles: Map<string, number>;
  /** Document dates as day numbers, sorted. */
  readonly days: number[];
  readonly documents: number;
}

export function profileOfEntry(entry: NameEntry): EntryProfile {
  if (!entry.profile) {
    const titles = new Map<string, number>();
    const days: number[] = [];
    for (const evidence of entry.documents.values()) {
      if (evidence.date && !Number.isNaN(evidence.day)) days.push(evidence.day);
      for (const title of evidence.titles) titles.set(title, (titles.get(title) ?? 0) + 1);
    }
    days.sort((x, y) => x - y);
    entry.profile = { titles, days, documents: entry.documents.size };
  }
  return entry.profile;
}

const sameEvidence = (a: Evidence, b: Evidence) => a.key === b.key && a.date === b.date && a.quotes === b.quotes && a.objectOfRole === b.objectOfRole && a.usage === b.usage && a.kin === b.kin;

function addTo<K, V>(map: Map<K, Set<V>>, key: K, value: V): void {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  set.add(value);
}

function removeFrom<K, V>(map: Map<K, Set<V>>, key: K, value: V): void {
  const set = map.get(key);
  set?.delete(value);
  if (set?.size === 0) map.delete(key);
}

