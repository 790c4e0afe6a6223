/**
 * Cross-document person resolution: which names, in which documents, are one person. Runs after per-document
 * extraction, on the names each document gives (`Person.name`, quote speakers, principal speakers).
 *
 * - Full names group by surname key (nameParts.ts). Within a group, names that are spellings of one name
 *   ("Abdel Fattah Al-Sisi" / "Abdel-Fattah El Sisi", "Abe Shinzo" / "Shinzo Abe") are one; then, most
 *   specific first, a name joins the person whose every name it is compatible with (initials, nicknames,
 *   middle names; a "Jr." only with a shared role). Different first names or middle initials stay apart.
 *   A name compatible with two people who are not one ("George Bush") is decided per document.
 * - A bare surname ("Biden", from "President Biden") is decided per document: the document's own full name
 *   was already taken by extraction; here the candidates are the people with that surname, scored by the
 *   document's title words against their roles, then by how near in time their documents are.
 * - Every merge keeps its reason. people.yaml rules (merge, apart, hide) come first.
 *
 * Incremental: a document change marks its names; `flush` recomputes only the surname groups they belong to
 * (and groups linked to them by a name found under two surnames or a people.yaml rule).
 *
 * The parts: nameTable.ts (names and what documents say of them), joining.ts (the joining rules and their
 * reasons), perDocument.ts (names decided per document), notPerson.ts, clustering.ts (one region into
 * people); this file keeps the people and updates them as documents change.
 */
import type { StatementDocument } from '../model';
import { resolveRegion } from './clustering';
import type { Identity, Merge } from './identity';
import { blocksOf, foldKey, groupOfKey, NameTable, titlesKey } from './nameTable';
import { NO_RULES, type PeopleRules } from './peopleRules';
import { OfficeHolders, type OfficeHolding } from './offices';

export type { Identity, Merge, MergeReason } from './identity';

export class PersonResolver {
  private readonly table = new NameTable();
  private readonly dirty = new Set<string>();
  /** Names of changed documents whose evidence stayed: their people need no resolving, but what is derived from their documents changed. */
  private readonly stale = new Set<string>();
  /** Documents deleted since the last flush: forgotten then, so that a delete and a set of one file compare. */
  private readonly deleted = new Set<string>();
  private everything = false;
  /** Speakers named only by office, and who held the office on each document's date (offices.ts). */
  private readonly offices = new OfficeHolders();
  private officesChanged = false;
  /** Documents spoken by an office that were set or deleted since the last flush. */
  private readonly officeDocuments = new Set<string>();
  /** Identities with the office documents their person holds, made on first use after each flush. */
  private readonly views = new Map<string, Identity>();
  private officeExtras = new Map<string, { partial: Map<string, Set<string>>; merges: Merge[] }>();

  private rules: PeopleRules = NO_RULES;
  /** Written name → the rule group (index into rules.people) that merges it. */
  private ruleGroupOf = new Map<string, number>();

  private readonly identities = new Map<string, Identity>();
  /** Written name → identity, for names that are one person wherever they stand. */
  private readonly whole = new Map<string, string>();
  /** Written name → (Evidence.key or titlesKey → identity), for names decided per document. */
  private readonly perDocument = new Map<string, Map<string, string>>();
  /** Per identity, every name it goes by (for `speaker:` filters), made on first use. */
  private readonly namesCache = new Map<string, readonly string[]>();
  /** Per written name decided per document, the people it stands for, most documents first. */
  private readonly identitiesCache = new Map<string, string[]>();

  setDocument(document: StatementDocument): void {
    this.deleted.delete(document.uri);
    for (const name of this.table.namesOf(document.uri)) this.stale.add(name);
    for (const name of this.table.setDocument(document)) this.dirty.add(name);
    for (const name of this.table.namesOf(document.uri)) this.stale.add(name);
    // A document spoken by an office: its holder's record (quotes, documents) changes with it, even when the
    // holder stays the same.
    if (this.offices.setDocument(document)) this.officesChanged = true;
    if (this.offices.speaksAsOffice(document.uri)) this.officeDocuments.add(document.uri);
  }

  deleteDocument(uri: string): void {
    this.deleted.add(uri);
    if (this.offices.speaksAsOffice(uri)) this.officeDocuments.add(uri);
  }

  setRules(rules: PeopleRules): void {
    this.rules = rules;
    this.everything = true;
  }

  /** True when a change waits for `flush`. */
  get pending(): boolean {
    return this.everything || this.officesChanged || this.officeDocuments.size > 0 || this.dirty.size > 0 || this.stale.size > 0 || this.deleted.size > 0;
  }

  /**
   * Brings identities up to date with the documents set since the last flush; returns the ids of identities
   * that changed or went (their cached records are stale).
   */
  flush(): Set<string> {
    const touched = new Set<string>();
    if (!this.pending) return touched;
    for (const uri of this.deleted) {
      for (const name of this.table.deleteDocument(uri)) this.dirty.add(name);
      this.offices.deleteDocument(uri);
    }
    this.deleted.clear();
    const wholeResolution = this.everything;
    const start = this.everything ? [...this.table.names()] : [...this.dirty];
    this.everything = false;
    this.dirty.clear();
    this.ruleGroupOf = this.ruleGroups();
    const region = this.regionOf(start);
    // How the names office decisions read are resolved now: only those that come out otherwise unsettle them.
    const watched = new Map<string, Resolution>();
    if (!wholeResolution) for (const name of region) if (this.offices.isMentioned(name)) watched.set(name, this.resolutionOf(name));
    // Forget the region's identities, and names whose last document went.
    for (const name of region) {
      const id = this.whole.get(name);
      if (id !== undefined) touched.add(id);
      for (const other of this.perDocument.get(name)?.values() ?? []) touched.add(other);
      this.whole.delete(name);
      this.perDocument.delete(name);
    }
    for (const id of touched) {
      this.identities.delete(id);
      this.namesCache.delete(id);
    }
    this.identitiesCache.clear();
    for (const name of region) if (this.table.prune(name)) region.delete(name);
    const people = resolveRegion(region, {
      table: this.table,
      rules: this.rules,
      ruleGroupOf: this.ruleGroupOf,
      isTaken: id => this.identities.has(id),
      areApart: (a, b) => this.areApart(a, b),
      isHidden: name => this.isHiddenName(name),
    });
    for (const identity of people.identities) {
      this.identities.set(identity.id, identity);
      touched.add(identity.id);
    }
    for (const [name, id] of people.whole) this.whole.set(name, id);
    for (const [name, byGroup] of people.perDocument) this.perDocument.set(name, byGroup);
    for (const name of this.stale) for (const id of this.identitiesOfName(name)) touched.add(id);
    this.stale.clear();
    // Office holders last: who a titled name is comes from the people just resolved. Only days whose mentions
    // or names changed are decided again, and nothing when none did (most saves).
    const changedNames = wholeResolution ? 'all' : changedResolutions(watched, name => this.resolutionOf(name));
    if (this.officesChanged || this.officeDocuments.size > 0 || changedNames === 'all' || changedNames.size > 0) {
      this.officesChanged = false;
      for (const uri of this.officeDocuments) for (const id of this.offices.holdersOf(uri)) touched.add(id);
      const holders = this.offices.decide((name, uri) => {
        const id = this.nameIdentityOf(name, uri);
        return this.identities.get(id)?.hidden ? undefined : id;
      }, changedNames);
      for (const id of holders) touched.add(id);
      for (const uri of this.officeDocuments) for (const id of this.offices.holdersOf(uri)) touched.add(id);
      this.officeDocuments.clear();
      this.officeExtras = this.offices.byHolder();
    }
    for (const id of touched) {
      this.namesCache.delete(id);
      this.views.delete(id);
    }
    return touched;
  }

  /** Who a name stands for, as office decisions read it: the whole person or the per-document map, and who is hidden. */
  private resolutionOf(name: string): Resolution {
    const whole = this.whole.get(name), perDocument = this.perDocument.get(name);
    const ids = whole !== undefined ? [whole] : [...new Set(perDocument?.values() ?? [])];
    return { whole, perDocument, hidden: ids.map(id => `${id}:${this.identities.get(id)?.hidden ?? false}`).join('|') };
  }

  /**
   * The names to resolve again: those of the surname groups of the changed names, closed over names found
   * under two surnames and over people.yaml groups.
   */
  private regionOf(changed: readonly string[]): Set<string> {
    const blocks = new Set<string>();
    const queue: string[] = [];
    const visitName = (name: string) => {
      const entry = this.table.get(name);
      if (!entry) return;
      for (const block of blocksOf(entry)) {
        if (blocks.has(block)) continue;
        blocks.add(block);
        queue.push(block);
      }
    };
    for (const name of changed) visitName(name);
    const ruleNames = this.namesOfRuleGroups();
    while (queue.length) {
      const block = queue.pop()!;
      for (const name of this.table.inBlock(block)) {
        const entry = this.table.get(name)!;
        if (entry.parts && entry.parts.blocks.length > 1) visitName(name);
        const group = this.ruleGroupOf.get(name);
        if (group !== undefined) for (const other of ruleNames.get(group) ?? []) visitName(other);
      }
    }
    const region = new Set<string>();
    for (const block of blocks) for (const name of this.table.inBlock(block)) region.add(name);
    return region;
  }

  /**
   * The person a name stands for in a document; without a document, the person it most often stands for. An
   * office's title given as a document's speaker ("President") is whoever held the office on its date.
   */
  identityOf(name: string, uri?: string): string {
    if (uri !== undefined) {
      const holding = this.offices.holdingOf(name, uri);
      if (holding) return holding.holder;
    }
    return this.nameIdentityOf(name, uri);
  }

  /** Who held the office a document's speaker names on its date, and why; undefined if it is no office or unclear. */
  officeHolding(name: string, uri: string): OfficeHolding | undefined {
    return this.offices.holdingOf(name, uri);
  }

  private nameIdentityOf(name: string, uri?: string): string {
    const whole = this.whole.get(name);
    if (whole !== undefined) return whole;
    const perDocument = this.perDocument.get(name);
    if (!perDocument) return name;
    const evidence = uri !== undefined ? this.table.get(name)?.documents.get(uri) : undefined;
    if (evidence) {
      const id = perDocument.get(evidence.key) ?? perDocument.get(titlesKey(evidence.titleKey));
      if (id !== undefined) return id;
    }
    return this.identitiesOfName(name)[0] ?? name;
  }

  /** Every person a written name stands for somewhere, most documents first. */
  identitiesOfName(name: string): string[] {
    const whole = this.whole.get(name);
    if (whole !== undefined) return [whole];
    const perDocument = this.perDocument.get(name);
    if (!perDocument) return [];
    let ids = this.identitiesCache.get(name);
    if (!ids) {
      const counts = new Map<string, number>();
      const entry = this.table.get(name);
      for (const [key, id] of perDocument) counts.set(id, (counts.get(id) ?? 0) + ((entry && groupOfKey(entry, key)?.uris.size) ?? 0));
      ids = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([id]) => id);
      this.identitiesCache.set(name, ids);
    }
    return ids;
  }

  identity(id: string): Identity | undefined {
    const base = this.identities.get(id);
    const extra = this.officeExtras.get(id);
    if (!base || !extra) return base;
    let view = this.views.get(id);
    if (!view) this.views.set(id, (view = this.withOffices(base, extra)));
    return view;
  }

  *all(): IterableIterator<Identity> {
    for (const id of this.identities.keys()) yield this.identity(id)!;
  }

  /**
   * A person with the documents whose speaker is an office they held then: those documents are theirs (a
   * partial name), counted once with the documents their names already give, and each office's reason.
   */
  private withOffices(base: Identity, extra: { partial: Map<string, Set<string>>; merges: Merge[] }): Identity {
    const partial = new Map<string, ReadonlySet<string>>(base.partial);
    let quotes = base.quotes, added = 0;
    for (const [name, uris] of extra.partial) {
      partial.set(name, uris);
      const entry = this.table.get(name);
      for (const uri of uris) {
        quotes += entry?.documents.get(uri)?.quotes ?? 0;
        if (!this.table.namesOf(uri).some(other => other !== name && this.nameIdentityOf(other, uri) === base.id)) added++;
      }
    }
    let documents: number | undefined;
    return {
      id: base.id,
      names: base.names,
      partial,
      merges: [...base.merges, ...extra.merges],
      hidden: base.hidden,
      ...(base.notPerson ? { notPerson: base.notPerson } : {}),
      extraAliases: base.extraAliases,
      extraRoles: base.extraRoles,
      get documents() {
        return (documents ??= base.documents + added);
      },
      quotes,
    };
  }

  /** Names known to the corpus that fold to the same key as this one ("EL-SISI" → "El-Sisi"). */
  writtenNames(name: string): readonly string[] {
    return [...this.table.withFoldKey(foldKey(name))];
  }

  /** Every name a person goes by: the shown name, written names, and people.yaml aliases. */
  namesOf(id: string): readonly string[] {
    let names = this.namesCache.get(id);
    if (!names) {
      const identity = this.identity(id);
      names = identity ? [...new Set([identity.id, ...identity.names, ...identity.partial.keys(), ...identity.extraAliases])] : [id];
      this.namesCache.set(id, names);
    }
    return names;
  }

  private ruleGroups(): Map<string, number> {
    const groups = new Map<string, number>();
    this.rules.people.forEach((rule, i) => {
      for (const written of [rule.name, ...rule.aliases]) for (const name of this.table.withFoldKey(foldKey(written))) groups.set(name, i);
    });
    return groups;
  }

  private namesOfRuleGroups(): Map<number, string[]> {
    const byGroup = new Map<number, string[]>();
    for (const [name, group] of this.ruleGroupOf) byGroup.set(group, [...(byGroup.get(group) ?? []), name]);
    return byGroup;
  }

  private isHiddenName(name: string): boolean {
    const key = foldKey(name);
    return this.rules.hide.some(hidden => foldKey(hidden) === key);
  }

  private areApart(a: readonly string[], b: readonly string[]): boolean {
    if (this.rules.apart.length === 0) return false;
    const keysA = new Set(a.map(foldKey)), keysB = new Set(b.map(foldKey));
    return this.rules.apart.some(group => {
      const keys = group.map(foldKey);
      return keys.some(k => keysA.has(k)) && keys.some(k => keysB.has(k));
    });
  }
}

/** How one name was resolved (see PersonResolver.resolutionOf). */
interface Resolution {
  readonly whole: string | undefined;
  readonly perDocument: ReadonlyMap<string, string> | undefined;
  readonly hidden: string;
}

/** The names whose resolution is not what it was. */
function changedResolutions(before: ReadonlyMap<string, Resolution>, now: (name: string) => Resolution): Set<string> {
  const changed = new Set<string>();
  for (const [name, was] of before) {
    const is = now(name);
    if (was.whole !== is.whole || was.hidden !== is.hidden || !sameEntries(was.perDocument, is.perDocument)) changed.add(name);
  }
  return changed;
}

function sameEntries(a: ReadonlyMap<string, string> | undefined, b: ReadonlyMap<string, string> | undefined): boolean {
  if (a === b) return true;
  if (!a || !b || a.size !== b.size) return false;
  for (const [key, value] of a) if (b.get(key) !== value) return false;
  return true;
}
