/**
 * Speakers named only by office ("Presidential Message on …", "Statement from the Press Secretary"): the office
 * words extraction may give as a document's speaker, and who held the office on the document's date, learned
 * from the corpus itself. Nothing here lists office holders: the holder is whoever the documents of the same
 * folder, nearest in time, title with the office ("Press Secretary Karine Jean-Pierre", "President Biden"),
 * when one person has a clear majority of those mentions; otherwise the speaker stays unknown.
 */
import type { StatementDocument } from '../model';
import type { Merge } from './identity';

/** An office that may stand alone as a speaker, and the role titles that name its holder. */
interface Office {
  /** As extraction writes the speaker ("Press Secretary"), and as explanations name the office. */
  readonly title: string;
  /** A role title (lower case) that says the person holds this office. */
  readonly role: RegExp;
}

const US = '(?:(?:u\\.s\\.|us|united states|american|the) )?';
const OF_US = '(?: of the united states(?: of america)?)?';

/**
 * Offices whose bare title names one person at a time in the corpus's collections. "Secretary" alone is the
 * Secretary of State in State Department releases; elsewhere its titled mentions are split among many
 * secretaries, so the majority rule leaves it unknown.
 */
export const OFFICES: readonly Office[] = [
  { title: 'President', role: new RegExp(`^${US}president${OF_US}$`) },
  { title: 'Vice President', role: new RegExp(`^${US}vice[- ]president${OF_US}$`) },
  { title: 'First Lady', role: new RegExp(`^${US}first lady${OF_US}$`) },
  { title: 'Second Gentleman', role: new RegExp(`^${US}second gentleman${OF_US}$`) },
  { title: 'Second Lady', role: new RegExp(`^${US}second lady${OF_US}$`) },
  { title: 'Press Secretary', role: /^(?:the )?(?:white house )?press secretary$/ },
  { title: 'Secretary of State', role: new RegExp(`^${US}secretary of state$`) },
  { title: 'Secretary', role: new RegExp(`^${US}secretary(?: of state)?$`) },
  { title: 'Secretary-General', role: /^(?:the )?(?:(?:un|u\.n\.|united nations) )?secretary[- ]general(?: of the united nations)?$/ },
];

/** Role titles worth testing against OFFICES (most roles are not these offices). */
const MAY_BE_OFFICE = /president|secretary|lady|gentleman/;

const BY_TITLE = new Map(OFFICES.map(office => [office.title.toLowerCase(), office]));

/** The office a speaker's name is, when the name is only an office's title ("President", "The Second Gentleman"). */
export function officeOfName(name: string): Office | undefined {
  return BY_TITLE.get(name.toLowerCase().replace(/^the\s+/, '').replace(/\s+/g, ' ').trim());
}

/** Documents titling someone with the office, wanted before deciding: the nearest are read until this many. */
const WANTED_DOCUMENTS = 40;
/** No mention further than this from the date counts. */
const MAX_DAYS = 120;
/** The holder needs this many documents titling them, this share of the votes, and this many times the runner-up's. */
const MIN_DOCUMENTS = 5;
const MIN_SHARE = 0.5;
const MIN_LEAD = 3;

/** Who held an office on one document's date, and why. */
export interface OfficeHolding {
  readonly holder: string;
  readonly office: string;
  readonly date: string;
  /** Documents titling the holder with the office, documents read (titling anyone so), and the dates they span. */
  readonly mentions: number;
  readonly total: number;
  readonly from: string;
  readonly to: string;
  /** "Press Secretary on 2023-05-02, from 14 of 15 documents titling someone so between 2023-04-20 and 2023-05-09". */
  readonly why: string;
}

/** One document titling a person with an office. */
interface Mention {
  readonly day: number;
  readonly date: string;
  readonly uri: string;
  readonly name: string;
}

/** One document whose speaker is an office's title. */
interface OfficeSpeaker {
  readonly name: string;
  readonly office: Office;
  readonly collection: string;
  readonly day: number;
  readonly date: string;
}

/** A decision for one collection, office and day, with what it read: re-made only when that changes. */
interface Decision {
  readonly holding: OfficeHolding | undefined;
  /** The written names it read, whose identities it depends on. */
  readonly names: ReadonlySet<string>;
  /** How far from the day it read: a mention added or removed within it may change the decision. */
  readonly reach: number;
  readonly listKey: string;
  readonly day: number;
}

/**
 * The titled mentions of each office per collection (a document's folder), kept sorted by date as documents
 * come and go, and the documents whose speaker is an office. A decision is made once per collection, office and
 * day, and kept until a mention within the days it read comes or goes or one of the names it read is resolved
 * again: a one-file change re-decides only the few days it can move.
 */
export class OfficeHolders {
  /** `collection|office title` → mentions sorted by day. */
  private readonly mentions = new Map<string, Mention[]>();
  /** uri → what the document gave: its mentions (by key) and its office speakers. */
  private readonly byDocument = new Map<string, { keys: string[]; mentions: Mention[]; speakers: OfficeSpeaker[]; signature: string }>();
  /** uri → the document's office speakers, for documents that have some: the few `decide` walks at every flush. */
  private readonly speakersByDocument = new Map<string, OfficeSpeaker[]>();
  /** Written name → how many office mentions use it. */
  private readonly mentionedNames = new Map<string, number>();
  /** `collection|office title|day` → the decision of that day. */
  private readonly decisions = new Map<string, Decision>();
  /** Mentions added or removed since the last `decide`, by list key: the days they fall on. */
  private readonly changedDays = new Map<string, number[]>();
  /** uri → (written name → holding), from the last `decide`. */
  private holdings = new Map<string, Map<string, OfficeHolding>>();

  /** Takes a document in place of what it said before; true if its mentions or office speakers changed. */
  setDocument(document: StatementDocument): boolean {
    const uri = document.uri;
    const date = document.date.value;
    const day = date ? dayNumber(date) : NaN;
    const collection = collectionOf(uri);
    const keys: string[] = [], mentions: Mention[] = [], speakers: OfficeSpeaker[] = [];
    if (date && !Number.isNaN(day)) {
      for (const person of document.people) {
        if (officeOfName(person.name)) continue;
        for (const role of person.roles) {
          const title = role.title.toLowerCase();
          if (!MAY_BE_OFFICE.test(title)) continue;
          for (const office of OFFICES) {
            const key = `${collection}|${office.title}`;
            if (!office.role.test(title) || mentions.some((mention, i) => keys[i] === key && mention.name === person.name)) continue;
            keys.push(key);
            mentions.push({ day, date, uri, name: person.name });
          }
        }
      }
      for (const name of new Set(document.speakers.value)) {
        const office = officeOfName(name);
        if (office) speakers.push({ name, office, collection, day, date });
      }
    }
    const before = this.byDocument.get(uri);
    if (!before && keys.length === 0 && speakers.length === 0) return false;
    const signature = `${date}|${keys.map((key, i) => `${key}:${mentions[i].name}`).join(',')}|${speakers.map(s => s.name).join(',')}`;
    if (before?.signature === signature) return false;
    this.deleteDocument(uri);
    if (keys.length === 0 && speakers.length === 0) return before !== undefined;
    for (let i = 0; i < keys.length; i++) {
      insertSorted(this.listOf(keys[i]), mentions[i]);
      this.noteChange(keys[i], mentions[i].day);
      this.mentionedNames.set(mentions[i].name, (this.mentionedNames.get(mentions[i].name) ?? 0) + 1);
    }
    this.byDocument.set(uri, { keys, mentions, speakers, signature });
    if (speakers.length) this.speakersByDocument.set(uri, speakers);
    return true;
  }

  /** Forgets a document; true if it gave mentions or office speakers. */
  deleteDocument(uri: string): boolean {
    const known = this.byDocument.get(uri);
    if (!known) return false;
    for (let i = 0; i < known.keys.length; i++) {
      const list = this.mentions.get(known.keys[i]);
      if (!list) continue;
      const at = list.indexOf(known.mentions[i]);
      if (at >= 0) list.splice(at, 1);
      if (list.length === 0) this.mentions.delete(known.keys[i]);
      this.noteChange(known.keys[i], known.mentions[i].day);
      const name = known.mentions[i].name, count = (this.mentionedNames.get(name) ?? 0) - 1;
      if (count > 0) this.mentionedNames.set(name, count);
      else this.mentionedNames.delete(name);
    }
    this.byDocument.delete(uri);
    this.speakersByDocument.delete(uri);
    return true;
  }

  /** Whether a document (as last set) has an office as a speaker. */
  speaksAsOffice(uri: string): boolean {
    return this.speakersByDocument.has(uri);
  }

  /** The holders a document's office speakers were taken as, at the last `decide`. */
  holdersOf(uri: string): string[] {
    return [...(this.holdings.get(uri)?.values() ?? [])].map(holding => holding.holder);
  }

  /**
   * Settles the office speakers again, `identityOf` saying who a titled name is in its document (undefined for
   * no one: a hidden name). `resolved` are the mentioned names that stand for someone else since the last call
   * ('all' after a whole resolution): only days that read one of them, or that a changed mention falls within,
   * are decided again. Returns the holders whose documents changed.
   */
  decide(identityOf: (name: string, uri: string) => string | undefined, resolved: ReadonlySet<string> | 'all'): Set<string> {
    for (const [key, decision] of this.decisions) {
      if (resolved === 'all' || this.touches(decision, resolved)) this.decisions.delete(key);
    }
    this.changedDays.clear();
    const before = this.holdings;
    const after = new Map<string, Map<string, OfficeHolding>>();
    const wanted = new Set<string>();
    for (const [uri, speakers] of this.speakersByDocument) {
      for (const speaker of speakers) {
        const key = `${speaker.collection}|${speaker.office.title}|${speaker.day}`;
        wanted.add(key);
        let decision = this.decisions.get(key);
        if (!decision) this.decisions.set(key, (decision = this.decisionOn(speaker, identityOf)));
        if (!decision.holding) continue;
        let byName = after.get(uri);
        if (!byName) after.set(uri, (byName = new Map<string, OfficeHolding>()));
        byName.set(speaker.name, decision.holding);
      }
    }
    for (const key of this.decisions.keys()) if (!wanted.has(key)) this.decisions.delete(key);
    const changed = new Set<string>();
    for (const uri of new Set([...before.keys(), ...after.keys()])) {
      const was = before.get(uri), now = after.get(uri);
      for (const name of new Set([...(was?.keys() ?? []), ...(now?.keys() ?? [])])) {
        const a = was?.get(name), b = now?.get(name);
        if (a === b) continue;
        if (a) changed.add(a.holder);
        if (b) changed.add(b.holder);
      }
    }
    this.holdings = after;
    return changed;
  }

  /** Who held the office a document's speaker names, on its date; undefined when the corpus does not say clearly. */
  holdingOf(name: string, uri: string): OfficeHolding | undefined {
    return this.holdings.get(uri)?.get(name);
  }

  /** Per holder: the office names they stand for, in which documents, and why (one merge per office name). */
  byHolder(): Map<string, { partial: Map<string, Set<string>>; merges: Merge[] }> {
    const found = new Map<string, { partial: Map<string, Set<string>>; holdings: Map<string, OfficeHolding[]> }>();
    for (const [uri, byName] of this.holdings) {
      for (const [name, holding] of byName) {
        let entry = found.get(holding.holder);
        if (!entry) found.set(holding.holder, (entry = { partial: new Map(), holdings: new Map() }));
        let uris = entry.partial.get(name);
        if (!uris) entry.partial.set(name, (uris = new Set()));
        uris.add(uri);
        entry.holdings.set(name, [...(entry.holdings.get(name) ?? []), holding]);
      }
    }
    const result = new Map<string, { partial: Map<string, Set<string>>; merges: Merge[] }>();
    for (const [holder, { partial, holdings }] of found) {
      const merges: Merge[] = [];
      for (const [name, list] of holdings) {
        const documents = partial.get(name)!.size;
        list.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
        const first = list[0], last = list[list.length - 1];
        const span = first.date === last.date ? `on ${first.date}` : `from ${first.date} to ${last.date}`;
        merges.push({ name, reason: 'office on the date', documents, why: `${first.office} ${span} in ${documents} document${documents === 1 ? '' : 's'}, each from the nearest documents titling someone so (latest: ${last.why})` });
      }
      result.set(holder, { partial, merges });
    }
    return result;
  }

  private noteChange(listKey: string, day: number): void {
    const days = this.changedDays.get(listKey);
    if (days) days.push(day);
    else this.changedDays.set(listKey, [day]);
  }

  /** Whether a decision may change: a mention came or went within its reach, or a name it read stands for someone else now. */
  private touches(decision: Decision, changed: ReadonlySet<string>): boolean {
    for (const day of this.changedDays.get(decision.listKey) ?? []) if (Math.abs(day - decision.day) <= decision.reach) return true;
    for (const name of decision.names) if (changed.has(name)) return true;
    return false;
  }

  /** Whether some office mention is written with this name (its resolution matters to the decisions). */
  isMentioned(name: string): boolean {
    return this.mentionedNames.has(name);
  }

  private listOf(key: string): Mention[] {
    let list = this.mentions.get(key);
    if (!list) this.mentions.set(key, (list = []));
    return list;
  }

  /**
   * The documents nearest in time that title someone with the office, in the speaker's collection, whole days at
   * a time outward from its date, until enough are read. Each document is one vote, shared among the people it
   * titles so (a list of forty presidents invited to a summit is one vote, not forty); the holder is the person
   * with a clear majority of the votes.
   */
  private decisionOn(speaker: OfficeSpeaker, identityOf: (name: string, uri: string) => string | undefined): Decision {
    const listKey = `${speaker.collection}|${speaker.office.title}`;
    const list = this.mentions.get(listKey) ?? [];
    const names = new Set<string>();
    let right = lowerBound(list, speaker.day), left = right - 1;
    /** uri → the people the document titles with the office. */
    const byDocument = new Map<string, Set<string>>();
    let reach = MAX_DAYS, from = speaker.date, to = speaker.date;
    const take = (mention: Mention) => {
      names.add(mention.name);
      const id = identityOf(mention.name, mention.uri);
      if (id === undefined) return;
      let ids = byDocument.get(mention.uri);
      if (!ids) byDocument.set(mention.uri, (ids = new Set()));
      ids.add(id);
      if (mention.date < from) from = mention.date;
      if (mention.date > to) to = mention.date;
    };
    while (byDocument.size < WANTED_DOCUMENTS) {
      const leftGap = left >= 0 ? speaker.day - list[left].day : Infinity;
      const rightGap = right < list.length ? list[right].day - speaker.day : Infinity;
      const gap = Math.min(leftGap, rightGap);
      if (gap > MAX_DAYS) break;
      // Both sides at the same distance are read together, so neither side is favoured.
      if (leftGap === gap) for (const day = list[left].day; left >= 0 && list[left].day === day; left--) take(list[left]);
      if (rightGap === gap) for (const day = list[right].day; right < list.length && list[right].day === day; right++) take(list[right]);
      if (byDocument.size >= WANTED_DOCUMENTS) reach = gap;
    }
    const decided = { names, reach, listKey, day: speaker.day };
    const votes = new Map<string, number>(), documents = new Map<string, number>();
    for (const ids of byDocument.values()) {
      for (const id of ids) {
        votes.set(id, (votes.get(id) ?? 0) + 1 / ids.size);
        documents.set(id, (documents.get(id) ?? 0) + 1);
      }
    }
    const ranked = [...votes].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    if (ranked.length === 0) return { ...decided, holding: undefined };
    const [holder, vote] = ranked[0];
    const second = ranked[1]?.[1] ?? 0, total = byDocument.size, titled = documents.get(holder)!;
    if (titled < MIN_DOCUMENTS || vote < MIN_SHARE * total || vote < MIN_LEAD * second) return { ...decided, holding: undefined };
    const why = `${speaker.office.title} on ${speaker.date}, from ${titled} of ${total} documents titling someone so between ${from} and ${to}`;
    return { ...decided, holding: { holder, office: speaker.office.title, date: speaker.date, mentions: titled, total, from, to, why } };
  }
}

/** The folder of a document: mentions count only within the collection the document belongs to. */
function collectionOf(uri: string): string {
  return uri.slice(0, uri.lastIndexOf('/') + 1);
}

/** Days since 1970 of an ISO date; a month or a year alone stands for its middle. */
function dayNumber(date: string): number {
  const [year, month, day] = date.split('-').map(Number);
  return Math.floor(Date.UTC(year, (month ?? 7) - 1, day ?? (month ? 15 : 1)) / 86400000);
}

function lowerBound(list: readonly Mention[], day: number): number {
  let low = 0, high = list.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (list[middle].day < day) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** After the mentions of the same day (days are whole numbers), so a list keeps the order mentions came in. */
function insertSorted(list: Mention[], mention: Mention): void {
  list.splice(lowerBound(list, mention.day + 1), 0, mention);
}
