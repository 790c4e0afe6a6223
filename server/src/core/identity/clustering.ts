/**
 * Clustering one region (the names of some surname keys) into people:
 * 1. atoms: names that are one by spelling, or by a people.yaml entry;
 * 2. clusters: atoms with a full name, most specific first, join the one cluster they are compatible with
 *    (joining.ts); an atom compatible with several is decided per document;
 * 3. an identity per cluster;
 * 4. bare surnames and ambiguous names decided per document (perDocument.ts), per group of documents that say
 *    the same of them; what no candidate fits is the surname's own person;
 * 5. the identities filled in: names, reasons, documents, quotes, hidden.
 */
import type { PeopleRules } from './peopleRules';
import type { Identity, Merge, MergeReason } from './identity';
import { joinable, documentCount, specificity } from './joining';
import { blocksOf, foldKey, groupOfKey, titlesKey, type DocumentGroup, type NameEntry, type NameTable } from './nameTable';
import { notAPerson } from './notPerson';
import { chooser, profileOf, type Choice, type Profile } from './perDocument';

/** What a region is resolved against: the names, people.yaml, and the ids people outside it hold. */
export interface RegionContext {
  readonly table: NameTable;
  readonly rules: PeopleRules;
  /** Written name → the people.yaml entry (index into rules.people) that merges it. */
  readonly ruleGroupOf: ReadonlyMap<string, number>;
  readonly isTaken: (id: string) => boolean;
  readonly areApart: (a: readonly string[], b: readonly string[]) => boolean;
  readonly isHidden: (name: string) => boolean;
}

export interface RegionPeople {
  readonly identities: Identity[];
  /** Written name → person, for names that are one person wherever they stand. */
  readonly whole: Map<string, string>;
  /** Written name → (Evidence.key or titlesKey → person), for names decided per document. */
  readonly perDocument: Map<string, Map<string, string>>;
}

/** Clusters the names of a region into people. */
export function resolveRegion(region: ReadonlySet<string>, context: RegionContext): RegionPeople {
  const { table, rules, ruleGroupOf, areApart, isHidden } = context;
  const identities: Identity[] = [];
  const whole = new Map<string, string>();
  const perDocument = new Map<string, Map<string, string>>();
  const reserved = new Set<string>();
  const taken = (id: string) => reserved.has(id) || context.isTaken(id);
  const uniqueId = (name: string) => {
    if (!taken(name)) return name;
    for (let n = 2; ; n++) if (!taken(`${name} (${n})`)) return `${name} (${n})`;
  };
  // 1. Atoms: names that are one by spelling, or by a people.yaml entry.
  const atomOf = new UnionFind<string>();
  const reasons = new Map<string, Merge>();
  const byKey = new Map<string, string>();
  const full: NameEntry[] = [], bare: NameEntry[] = [];
  for (const name of region) {
    const entry = table.get(name)!;
    atomOf.add(name);
    if (entry.parts && entry.parts.given.length > 0) full.push(entry);
    else if (entry.parts) bare.push(entry);
  }
  for (const entry of full) {
    for (const key of [`o:${entry.parts!.orderFreeKey}:${entry.parts!.suffix ?? ''}`, `c:${entry.parts!.compactKey}:${entry.parts!.suffix ?? ''}`]) {
      const other = byKey.get(key);
      if (other === undefined) byKey.set(key, entry.name);
      else if (!atomOf.same(other, entry.name) && !areApart([other], [entry.name])) {
        atomOf.union(other, entry.name);
        if (!reasons.has(entry.name)) reasons.set(entry.name, { name: entry.name, with: other, reason: 'same name' });
      }
    }
  }
  const ruleAtoms = new Map<number, string>();
  for (const name of region) {
    const group = ruleGroupOf.get(name);
    if (group === undefined) continue;
    const first = ruleAtoms.get(group);
    if (first === undefined) ruleAtoms.set(group, name);
    else {
      atomOf.union(first, name);
      reasons.set(name, { name, with: rules.people[group].name, reason: 'people.yaml' });
    }
  }
  const atoms = new Map<string, NameEntry[]>();
  for (const name of region) {
    const entry = table.get(name)!;
    if (!entry.parts) continue;
    const root = atomOf.find(name);
    const atom = atoms.get(root);
    if (atom) atom.push(entry);
    else atoms.set(root, [entry]);
  }

  // 2. Clusters: atoms with a full name, most specific first, join the one cluster they are compatible with.
  /** `names` are the atoms' names, with a full name, kept with `atoms`. */
  interface Cluster { atoms: NameEntry[][]; names: NameEntry[]; profile?: Profile; rule?: number }
  const clusters: Cluster[] = [];
  const clusterOfAtom = new Map<NameEntry[], Cluster>();
  const ambiguous: { atom: NameEntry[]; candidates: Cluster[] }[] = [];
  const ruleOfAtom = (atom: NameEntry[]) => atom.map(entry => ruleGroupOf.get(entry.name)).find(group => group !== undefined);
  const fullAtoms = [...atoms.values()].filter(atom => atom.some(entry => entry.parts!.given.length > 0) || ruleOfAtom(atom) !== undefined);
  fullAtoms.sort((a, b) => specificity(b) - specificity(a) || documentCount(b) - documentCount(a));
  const clustersInBlock = new Map<string, Cluster[]>();
  const blocksOfAtom = (atom: NameEntry[]) => new Set(atom.flatMap(entry => blocksOf(entry)));
  for (const atom of fullAtoms) {
    const rule = ruleOfAtom(atom);
    let compatible: { cluster: Cluster; merge: Merge }[] = [];
    const seen = new Set<Cluster>();
    for (const block of blocksOfAtom(atom)) {
      for (const cluster of clustersInBlock.get(block) ?? []) {
        if (seen.has(cluster)) continue;
        seen.add(cluster);
        if (rule !== undefined && cluster.rule !== undefined && rule !== cluster.rule) continue;
        const merge = joinable(atom, cluster.atoms, cluster.names, rules.apart.length ? areApart : undefined);
        if (merge) compatible.push({ cluster, merge });
      }
    }
    // A name that shares its first name with one person and only its last names with another is the first's.
    if (compatible.length > 1) {
      const strong = compatible.filter(c => c.merge.reason !== 'last names');
      if (strong.length >= 1) compatible = strong;
    }
    const join = (cluster: Cluster) => {
      for (const block of blocksOfAtom(atom)) {
        const list = clustersInBlock.get(block) ?? [];
        if (!list.includes(cluster)) clustersInBlock.set(block, [...list, cluster]);
      }
    };
    if (compatible.length === 1) {
      join(compatible[0].cluster);
      compatible[0].cluster.atoms.push(atom);
      compatible[0].cluster.names.push(...atom.filter(entry => entry.parts!.given.length > 0));
      compatible[0].cluster.rule ??= rule;
      clusterOfAtom.set(atom, compatible[0].cluster);
      const first = atom[0].name;
      if (!reasons.has(first)) reasons.set(first, compatible[0].merge);
    } else if (compatible.length > 1 && rule === undefined) {
      ambiguous.push({ atom, candidates: compatible.map(c => c.cluster) });
    } else {
      const cluster: Cluster = { atoms: [atom], names: atom.filter(entry => entry.parts!.given.length > 0), rule };
      clusters.push(cluster);
      clusterOfAtom.set(atom, cluster);
      join(cluster);
    }
  }

  // 3. Identities for the clusters.
  const made: string[] = [];
  const idOfCluster = new Map<Cluster, string>();
  const partial = new Map<string, Map<string, GroupedUris>>();
  /** Per person: the document groups its per-document names bring, and their quotes. */
  const partialCounts = new Map<string, { groups: DocumentGroup[]; quotes: number }>();
  const addPartial = (id: string, entry: NameEntry, group: DocumentGroup) => {
    let byName = partial.get(id);
    if (!byName) partial.set(id, (byName = new Map<string, GroupedUris>()));
    let uris = byName.get(entry.name);
    if (!uris) byName.set(entry.name, (uris = new GroupedUris()));
    uris.add(group.uris);
    let counts = partialCounts.get(id);
    if (!counts) partialCounts.set(id, (counts = { groups: [], quotes: 0 }));
    counts.groups.push(group);
    counts.quotes += group.quotes;
  };
  for (const cluster of clusters) {
    const names = cluster.atoms.flat();
    const ruleName = cluster.rule !== undefined ? rules.people[cluster.rule].name : undefined;
    const shown = ruleName && !taken(ruleName) ? ruleName : uniqueId(displayName(names));
    idOfCluster.set(cluster, shown);
    reserved.add(shown);
    made.push(shown);
    for (const entry of names) whole.set(entry.name, shown);
  }

  // 4. Names decided per document: bare surnames, and full names compatible with several people.
  const profiles = (cluster: Cluster) => (cluster.profile ??= profileOf(cluster.atoms.flat()));
  const clustersByBlock = new Map<string, Cluster[]>();
  for (const cluster of clusters) {
    for (const block of new Set(cluster.atoms.flat().flatMap(entry => blocksOf(entry)))) clustersByBlock.set(block, [...(clustersByBlock.get(block) ?? []), cluster]);
  }
  const unresolved = new Map<string, NameEntry[]>();
  /** Per name decided per document: per person, how many documents for each reason. */
  const decided = new Map<string, Map<string, Map<MergeReason, number>>>();
  /** The person of each group of the name's documents (by titlesKey, or by Evidence.key where the date decides); '' for none. */
  const decide = (entry: NameEntry, candidates: Cluster[]) => {
    const byGroup = new Map<string, string>();
    const candidateProfiles = candidates.map(profiles);
    const first = (group: DocumentGroup) => entry.documents.get(group.uris.values().next().value!)!;
    const assign = (key: string, group: DocumentGroup, choice: Choice) => {
      if (choice.index < 0) {
        byGroup.set(key, '');
        return;
      }
      const id = idOfCluster.get(candidates[choice.index])!;
      byGroup.set(key, id);
      addPartial(id, entry, group);
      const reason = candidates.length === 1 && choice.reason === 'nearest in time' ? 'only person with the surname' : choice.reason;
      let byId = decided.get(entry.name);
      if (!byId) decided.set(entry.name, (byId = new Map<string, Map<MergeReason, number>>()));
      let counts = byId.get(id);
      if (!counts) byId.set(id, (counts = new Map<MergeReason, number>()));
      counts.set(reason, (counts.get(reason) ?? 0) + group.uris.size);
    };
    // Documents with the same title words decide alike unless the date plays a part (thousands of "President
    // Biden"); where it does, each day decides, and title words whose days all decide alike count as one.
    for (const [titleKey, titles] of entry.groups) {
      const choice = chooser(first(titles), candidateProfiles);
      if (typeof choice !== 'function') {
        assign(titlesKey(titleKey), titles, choice);
        continue;
      }
      const days = [...titles.days].map(([key, day]) => {
        const evidence = first(day);
        return { key, day, choice: choice(evidence.date, evidence.day) };
      });
      if (days.every(({ choice }) => choice.index === days[0].choice.index)) assign(titlesKey(titleKey), titles, days[0].choice);
      else for (const { key, day, choice } of days) assign(key, day, choice);
    }
    return byGroup;
  };
  /** A bare surname is no one's whose every document uses their name as a thing's ("the Selva Maya region"). */
  const isSomeone = (cluster: Cluster) => cluster.names.some(entry => {
    for (const evidence of entry.documents.values()) if (evidence.usage !== 'thing') return true;
    return false;
  });
  /** A bare word most of whose documents use it as a thing's ("at Roche", "Fiserv announced its") is no one's surname. */
  const mostlyAThing = (entry: NameEntry) => {
    let thing = 0;
    for (const evidence of entry.documents.values()) if (evidence.usage === 'thing') thing++;
    return thing * 2 >= entry.documents.size;
  };
  const perDocumentNames: { entry: NameEntry; byGroup: Map<string, string> }[] = [];
  for (const { atom, candidates } of ambiguous) for (const entry of atom) perDocumentNames.push({ entry, byGroup: decide(entry, candidates) });
  for (const entry of bare) {
    if (whole.has(entry.name)) continue;
    const candidates = mostlyAThing(entry) ? [] : (clustersByBlock.get(entry.parts!.surname) ?? []).filter(isSomeone);
    perDocumentNames.push({ entry, byGroup: candidates.length ? decide(entry, candidates) : new Map([...entry.groups.keys()].map(titleKey => [titlesKey(titleKey), ''])) });
  }
  // What no candidate fits stays the bare surname's own person, one per surname key.
  for (const { entry, byGroup } of perDocumentNames) {
    if ([...byGroup.values()].some(id => id === '')) {
      const key = entry.parts!.given.length ? entry.parts!.compactKey : entry.parts!.surname;
      unresolved.set(key, [...(unresolved.get(key) ?? []), entry]);
    }
  }
  const unresolvedIds = new Map<string, string>();
  for (const [key, entries] of unresolved) {
    const shown = uniqueId(displayName(entries));
    unresolvedIds.set(key, shown);
    reserved.add(shown);
    made.push(shown);
  }
  for (const { entry, byGroup } of perDocumentNames) {
    const own = unresolvedIds.get(entry.parts!.given.length ? entry.parts!.compactKey : entry.parts!.surname);
    for (const [key, id] of byGroup) {
      if (id !== '') continue;
      byGroup.set(key, own!);
      addPartial(own!, entry, groupOfKey(entry, key)!);
    }
    const ids = new Set(byGroup.values());
    if (ids.size === 1 && !decided.has(entry.name)) whole.set(entry.name, [...ids][0]);
    else perDocument.set(entry.name, byGroup);
  }
  // A bare name that is wholly its own person is a name of it, not a partial one.
  for (const [id, byName] of partial) {
    for (const name of byName.keys()) {
      if (whole.get(name) !== id) continue;
      byName.delete(name);
      // Counted with the person's whole names instead.
      const counts = partialCounts.get(id)!;
      for (const evidence of table.get(name)!.documents.values()) counts.quotes -= evidence.quotes;
    }
  }

  // 5. Fill in the identities: names, reasons, documents, hidden.
  const namesById = new Map<string, string[]>();
  for (const name of region) {
    const owner = whole.get(name);
    if (owner !== undefined) namesById.set(owner, [...(namesById.get(owner) ?? []), name]);
  }
  for (const id of made) {
    const names = namesById.get(id) ?? [];
    const byName = partial.get(id) ?? new Map<string, GroupedUris>();
    const merges: Merge[] = [];
    for (const name of names) {
      const reason = reasons.get(name);
      if (reason && reason.with !== name) merges.push(reason);
    }
    for (const name of byName.keys()) {
      for (const [reason, documents] of decided.get(name)?.get(id) ?? []) merges.push({ name, reason, documents });
    }
    let quotes = 0;
    for (const name of names) for (const group of table.get(name)!.groups.values()) quotes += group.quotes;
    const counts = partialCounts.get(id);
    if (counts) quotes += counts.quotes;
    const group = names.map(name => ruleGroupOf.get(name)).find(g => g !== undefined);
    const rule = group !== undefined ? rules.people[group] : undefined;
    const allNames = [...names, ...byName.keys()];
    const hidden = allNames.some(name => isHidden(name)) || isHidden(id);
    const notPerson = rule ? undefined : notAPerson(allNames.map(name => table.get(name)!), byName, name => table.withFoldKey(foldKey(name)).size > 0);
    identities.push(identityOf({
      id,
      names,
      partial: byName,
      merges,
      hidden: hidden || notPerson !== undefined,
      ...(notPerson ? { notPerson } : {}),
      extraAliases: rule ? [rule.name, ...rule.aliases].filter(alias => alias !== id && !allNames.includes(alias)) : [],
      extraRoles: rule?.roles ?? [],
      quotes,
    }, table, counts?.groups ?? []));
  }
  return { identities, whole, perDocument };
}

/**
 * The identity, with the documents that name the person counted when first asked: a set of thousands of
 * documents for a much-named person, which a one-file change would otherwise build again for every person of
 * its region. Made here, not in resolveRegion: a getter written there shares the context V8 gives that call's
 * closures, and kept every region's clusters, profiles and per-block lists alive for as long as its people
 * lived (97 MB of heap on ../shared/corpora).
 */
function identityOf(fields: Omit<Identity, 'documents'>, table: NameTable, groups: readonly DocumentGroup[]): Identity {
  const { id, names, partial, merges, hidden, notPerson, extraAliases, extraRoles, quotes } = fields;
  let documents: number | undefined;
  const countDocuments = () => {
    const uris = new Set<string>();
    for (const name of names) {
      const entry = table.get(name)!;
      const full = !!entry.parts && entry.parts.given.length > 0;
      // A document that names only "the X Act" or "the X Room" is not about the person.
      for (const [uri, evidence] of entry.documents) if (!full || evidence.usage !== 'thing' || evidence.titles.length > 0) uris.add(uri);
    }
    for (const group of groups) for (const uri of group.uris) uris.add(uri);
    return uris.size;
  };
  return {
    id,
    names,
    partial,
    merges,
    hidden,
    ...(notPerson !== undefined ? { notPerson } : {}),
    extraAliases,
    extraRoles,
    get documents() {
      return (documents ??= countDocuments());
    },
    quotes,
  };
}

/** The most used name, a full name rather than a surname; the written form as the corpus writes it most. */
function displayName(names: NameEntry[]): string {
  let best: NameEntry | undefined;
  const score = (entry: NameEntry) => (entry.parts && entry.parts.given.length > 0 ? 1e9 : 0) + entry.documents.size - (/^[^a-z]*$/.test(entry.name) ? 1e6 : 0);
  for (const entry of names) if (!best || score(entry) > score(best) || score(entry) === score(best) && entry.name < best.name) best = entry;
  return best!.parts?.display ?? best!.name;
}

/** The documents of a name's groups that stand for one person, made one set when first read. */
class GroupedUris implements ReadonlySet<string> {
  private readonly groups: ReadonlySet<string>[] = [];
  private joined?: Set<string>;
  add(group: ReadonlySet<string>): void {
    this.groups.push(group);
  }
  private get all(): Set<string> {
    if (!this.joined) {
      this.joined = new Set();
      for (const group of this.groups) for (const uri of group) this.joined.add(uri);
    }
    return this.joined;
  }
  get size(): number {
    return this.all.size;
  }
  has(uri: string): boolean {
    return this.all.has(uri);
  }
  forEach(callback: (value: string, key: string, set: ReadonlySet<string>) => void, thisArg?: unknown): void {
    this.all.forEach(uri => callback.call(thisArg, uri, uri, this));
  }
  entries(): SetIterator<[string, string]> {
    return this.all.entries();
  }
  keys(): SetIterator<string> {
    return this.all.keys();
  }
  values(): SetIterator<string> {
    return this.all.values();
  }
  [Symbol.iterator](): SetIterator<string> {
    return this.all.values();
  }
}

class UnionFind<T> {
  private readonly parent = new Map<T, T>();
  add(item: T): void {
    if (!this.parent.has(item)) this.parent.set(item, item);
  }
  find(item: T): T {
    let root = item;
    while (this.parent.get(root) !== root) root = this.parent.get(root)!;
    let node = item;
    while (node !== root) {
      const next = this.parent.get(node)!;
      this.parent.set(node, root);
      node = next;
    }
    return root;
  }
  union(a: T, b: T): void {
    this.parent.set(this.find(b), this.find(a));
  }
  same(a: T, b: T): boolean {
    return this.find(a) === this.find(b);
  }
}
