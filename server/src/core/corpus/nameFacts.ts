import type { Person, Span, StatementDocument } from '../model';

/** Where the corpus introduces a person with a role, and the date of that document. */
export interface Introduction {
  readonly uri: string;
  readonly span: Span;
  readonly role: string;
  readonly date: string | null;
}

/** Most recent first, undated last; ISO dates order as plain strings (no locale compare on hot paths). */
export function newerFirst(a: string | null, b: string | null): number {
  const x = a ?? '', y = b ?? '';
  return x < y ? 1 : x > y ? -1 : 0;
}

/** Oldest first, undated last, then by URI: the order introductions are offered in. */
export function introductionOrder(a: Introduction, b: Introduction): number {
  const x = a.date ?? '9999', y = b.date ?? '9999';
  return x < y ? -1 : x > y ? 1 : a.uri.localeCompare(b.uri);
}

/**
 * A list kept sorted as items come and go; an item goes after those it ties with, so ties keep their arrival
 * order. Insertion and removal are a binary search and one splice, not a re-sort.
 */
export class SortedList<T> {
  readonly items: T[] = [];
  constructor(private readonly order: (a: T, b: T) => number) {}

  add(item: T): void {
    let low = 0, high = this.items.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.order(this.items[middle], item) <= 0) low = middle + 1;
      else high = middle;
    }
    this.items.splice(low, 0, item);
  }

  /** Removes the item equal to `probe` in the order for which `same` holds. */
  remove(probe: T, same: (item: T) => boolean): void {
    let low = 0, high = this.items.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.order(this.items[middle], probe) < 0) low = middle + 1;
      else high = middle;
    }
    for (let i = low; i < this.items.length && this.order(this.items[i], probe) === 0; i++) {
      if (same(this.items[i])) {
        this.items.splice(i, 1);
        return;
      }
    }
  }
}

const documentOrder = (a: StatementDocument, b: StatementDocument) => newerFirst(a.date.value, b.date.value);

/**
 * What the documents say of one name as they write it ("Joe Biden", "Biden"), kept up to date as each document
 * is set or deleted. A person named in thousands of documents is then read from here, in time proportional to
 * what is shown rather than to the number of documents.
 */
export class NameFacts {
  /** (lower-case title, date) → the documents stating that role, and how each writes the title. */
  readonly roles = new Map<string, { date: string | null; uris: string[]; titles: string[] }>();
  /** Alias → how many documents use it. */
  readonly aliases = new Map<string, number>();
  /** Documents that file a person under this name, most recent first. */
  readonly documents = new SortedList<StatementDocument>(documentOrder);
  /** Documents with quotations whose speaker is this name, most recent first. */
  readonly quoting = new SortedList<StatementDocument>(documentOrder);
  /** Introductions with a role, by lower-case role, oldest first. */
  readonly introductions = new Map<string, SortedList<Introduction>>();

  get isEmpty(): boolean {
    return this.documents.items.length === 0 && this.quoting.items.length === 0;
  }

  addPerson(document: StatementDocument, person: Person): void {
    this.documents.add(document);
    for (const role of person.roles) {
      const key = roleKey(role.title, role.date);
      const known = this.roles.get(key);
      if (known) {
        known.uris.push(document.uri);
        known.titles.push(role.title);
      } else this.roles.set(key, { date: role.date, uris: [document.uri], titles: [role.title] });
    }
    for (const alias of person.aliases) this.aliases.set(alias, (this.aliases.get(alias) ?? 0) + 1);
    const introduction = introductionOf(document, person);
    if (introduction) {
      const role = introduction.role.toLowerCase();
      let list = this.introductions.get(role);
      if (!list) this.introductions.set(role, (list = new SortedList(introductionOrder)));
      list.add(introduction);
    }
  }

  removePerson(document: StatementDocument, person: Person): void {
    const uri = document.uri;
    this.documents.remove(document, item => item.uri === uri);
    for (const role of person.roles) {
      const key = roleKey(role.title, role.date);
      const known = this.roles.get(key);
      if (!known) continue;
      const at = known.uris.indexOf(uri);
      if (at >= 0) {
        known.uris.splice(at, 1);
        known.titles.splice(at, 1);
      }
      if (known.uris.length === 0) this.roles.delete(key);
    }
    for (const alias of person.aliases) {
      const count = (this.aliases.get(alias) ?? 0) - 1;
      if (count > 0) this.aliases.set(alias, count);
      else this.aliases.delete(alias);
    }
    const introduction = introductionOf(document, person);
    if (introduction) {
      const role = introduction.role.toLowerCase();
      const list = this.introductions.get(role);
      list?.remove(introduction, item => item.uri === uri);
      if (list?.items.length === 0) this.introductions.delete(role);
    }
  }
}

const roleKey = (title: string, date: string | null) => `${title.toLowerCase()}\u0000${date}`;

function introductionOf(document: StatementDocument, person: Person): Introduction | undefined {
  if (!person.introduction || person.roles.length === 0) return undefined;
  return { uri: document.uri, span: person.introduction, role: person.roles[0].title, date: document.date.value };
}
