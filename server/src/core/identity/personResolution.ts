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
 */
import { HONORIFICS, NON_PERSON_WORDS, ROLE_HEADS, ROLE_MODIFIERS } from '../understand/lexicon';
import type { StatementDocument } from '../model';
import { compareGiven, foldName, nameParts, type NameParts } from './nameParts';
import { NO_RULES, type PeopleRules, type RuleRole } from './peopleRules';

/** What one document says of one written name. */
interface Evidence {
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
  /** Day and title words: documents with the same key are decided alike (thousands of "President Biden"). */
  readonly key: string;
}

/** Documents that say the same of a name (one Evidence.key), with their quotes. */
interface DocumentGroup {
  readonly uris: Set<string>;
  quotes: number;
}

interface NameEntry {
  readonly name: string;
  readonly parts: NameParts | undefined;
  readonly documents: Map<string, Evidence>;
  /** The documents by Evidence.key, kept with `documents`. */
  readonly groups: Map<string, DocumentGroup>;
  /** Derived from `documents`, made on first use and dropped when they change. */
  profile?: EntryProfile;
}

export type MergeReason = 'same name' | 'spelling' | 'initials' | 'nickname' | 'middle name' | 'last names' | 'shared role' | 'people.yaml' | 'role in the document' | 'nearest in time' | 'only person with the surname';

/** Why a name is counted as this person. */
export interface Merge {
  readonly name: string;
  /** The name it was joined to (a name of the person), when it was joined by comparing names. */
  readonly with?: string;
  readonly reason: MergeReason;
  /** For names decided per document: in how many documents. */
  readonly documents?: number;
}

export interface Identity {
  /** The name shown for the person; unique among identities. */
  readonly id: string;
  /** Written names that stand for this person in every document that uses them. */
  readonly names: readonly string[];
  /** Written names (bare surnames, ambiguous names) that stand for this person in some documents only. */
  readonly partial: ReadonlyMap<string, ReadonlySet<string>>;
  readonly merges: readonly Merge[];
  /** people.yaml says it is not a person, or the corpus shows it is not one (then `notPerson` says why). */
  readonly hidden: boolean;
  readonly notPerson?: string;
  /** Aliases and roles people.yaml adds. */
  readonly extraAliases: readonly string[];
  readonly extraRoles: readonly RuleRole[];
  /** How many documents name the person. */
  readonly documents: number;
  readonly quotes: number;
}

const TRANSCRIPT_ROLES = new Set(['aide', 'operator', 'moderator', 'participant', 'staff', 'audience', 'questioner', 'interpreter', 'narrator', 'announcer', 'reporter', 'official', 'q', 'u.s', 'u.s.', 'jr.', 'sr.', 'jr', 'sr', 'everyone', 'all']);
const HEAD_WORDS = new Set([...ROLE_HEADS, ...HONORIFICS]);
/** Nouns for roles that are not titles, as the last word of what extraction took for a name. */
const ROLE_NOUNS = new Set(`member members counsel services service operator motors staff team delegation people family families veterans
  workers students leaders officials participants guests citizens americans affairs school board caucus division system operations
  management agenda pharma award tempore ally tool reform relations command control engagement development emergency business
  circuit advisory diversity electric information programs financial medical subject manager advocate investment economies emirates
  arabia angeles emerita emeritus under operating performing disaster gentleman innovation women scientist i'll i’ll h.r law
  baseball partner technology provisions science orange`.split(/\s+/).filter(Boolean));
const isPeopleWord = (word: string) => /(?:an|ese|ish|ian)s$/.test(word) && (NON_PERSON_WORDS.has(word.slice(0, -1)) || /^(?:americans|africans|asians|europeans|latinos|hispanics|ukrainians|russians|israelis|palestinians|afghans|iraqis|iranians|mexicans|canadians|koreans|indians)$/.test(word));
/** Words that open a sentence and never begin a name ("Well", "Right so"). */
const SENTENCE_OPENERS = new Set(['well', 'right', 'so', 'now', 'okay', 'ok', 'oh', 'yes', 'yeah', 'look', 'listen', 'what', 'why', 'how', 'anyway']);
/** "I’m", "he’d", "what’s": a pronoun with a verb, never in a name. */
const isPronoun = (word: string) => /^(?:i|you|he|she|we|they|it|what|that|there|who)'(?:m|d|s|ve|ll|re)$/.test(word);
/** Particles that stand inside names ("Chris Van Hollen", "Mohammed bin Salman"). */
const PARTICLE_WORDS = new Set(['de', 'da', 'di', 'del', 'van', 'von', 'bin', 'al', 'el', 'la', 'le', 'du', 'dos', 'der', 'den', 'y']);
/** Honorifics say little about which of two people it is ("Mr. Biden"); offices do. */
const WEAK_TITLES = new Set(['mr.', 'mrs.', 'ms.', 'miss', 'dr.', 'sir', 'madam', 'lord', 'comrade', 'prof.', 'professor', 'dame']);

const foldKey = (name: string) => foldName(name).replace(/[.,]/g, '').replace(/\s+/g, ' ').trim();

export class PersonResolver {
  private readonly names = new Map<string, NameEntry>();
  private readonly namesByDocument = new Map<string, string[]>();
  private readonly blocks = new Map<string, Set<string>>();
  private readonly byFoldKey = new Map<string, Set<string>>();
  private readonly dirty = new Set<string>();
  private everything = false;

  private rules: PeopleRules = NO_RULES;
  /** Written name → the rule group (index into rules.people) that merges it. */
  private ruleGroupOf = new Map<string, number>();

  private readonly identities = new Map<string, Identity>();
  /** Written name → identity, for names that are one person wherever they stand. */
  private readonly whole = new Map<string, string>();
  /** Written name → (Evidence.key → identity), for names decided per document. */
  private readonly perDocument = new Map<string, Map<string, string>>();
  /** Per identity, every name it goes by (for `speaker:` filters), made on first use. */
  private readonly namesCache = new Map<string, readonly string[]>();
  /** Per written name decided per document, the people it stands for, most documents first. */
  private readonly identitiesCache = new Map<string, string[]>();

  setDocument(document: StatementDocument): void {
    this.deleteDocument(document.uri);
    const evidence = evidenceOf(document);
    this.namesByDocument.set(document.uri, [...evidence.keys()]);
    for (const [name, item] of evidence) {
      let entry = this.names.get(name);
      if (!entry) {
        entry = { name, parts: nameParts(name), documents: new Map(), groups: new Map() };
        this.names.set(name, entry);
        for (const block of blocksOf(entry)) addTo(this.blocks, block, name);
        addTo(this.byFoldKey, foldKey(name), name);
      }
      entry.documents.set(document.uri, item);
      let group = entry.groups.get(item.key);
      if (!group) entry.groups.set(item.key, (group = { uris: new Set(), quotes: 0 }));
      group.uris.add(document.uri);
      group.quotes += item.quotes;
      entry.profile = undefined;
      this.dirty.add(name);
    }
  }

  deleteDocument(uri: string): void {
    const names = this.namesByDocument.get(uri);
    if (!names) return;
    this.namesByDocument.delete(uri);
    for (const name of names) {
      const entry = this.names.get(name);
      if (!entry) continue;
      const evidence = entry.documents.get(uri);
      const group = evidence && entry.groups.get(evidence.key);
      if (group) {
        group.uris.delete(uri);
        group.quotes -= evidence.quotes;
        if (group.uris.size === 0) entry.groups.delete(evidence.key);
      }
      entry.documents.delete(uri);
      entry.profile = undefined;
      this.dirty.add(name);
    }
  }

  setRules(rules: PeopleRules): void {
    this.rules = rules;
    this.everything = true;
  }

  /** True when a change waits for `flush`. */
  get pending(): boolean {
    return this.everything || this.dirty.size > 0;
  }

  /**
   * Brings identities up to date with the documents set since the last flush; returns the ids of identities
   * that changed or went (their cached records are stale).
   */
  flush(): Set<string> {
    const touched = new Set<string>();
    if (!this.pending) return touched;
    const start = this.everything ? [...this.names.keys()] : [...this.dirty];
    this.everything = false;
    this.dirty.clear();
    this.ruleGroupOf = this.ruleGroups();
    // The surname groups to recompute: those of the changed names, closed over names found under two surnames
    // and over people.yaml groups.
    const blocks = new Set<string>();
    const queue: string[] = [];
    const visitName = (name: string) => {
      const entry = this.names.get(name);
      if (!entry) return;
      for (const block of blocksOf(entry)) {
        if (blocks.has(block)) continue;
        blocks.add(block);
        queue.push(block);
      }
    };
    for (const name of start) visitName(name);
    const ruleNames = this.namesOfRuleGroups();
    while (queue.length) {
      const block = queue.pop()!;
      for (const name of this.blocks.get(block) ?? []) {
        const entry = this.names.get(name)!;
        if (entry.parts && entry.parts.blocks.length > 1) visitName(name);
        const group = this.ruleGroupOf.get(name);
        if (group !== undefined) for (const other of ruleNames.get(group) ?? []) visitName(other);
      }
    }
    const region = new Set<string>();
    for (const block of blocks) for (const name of this.blocks.get(block) ?? []) region.add(name);
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
    for (const name of region) {
      const entry = this.names.get(name)!;
      if (entry.documents.size > 0) continue;
      region.delete(name);
      this.names.delete(name);
      for (const block of blocksOf(entry)) removeFrom(this.blocks, block, name);
      removeFrom(this.byFoldKey, foldKey(name), name);
    }
    for (const id of this.resolveRegion(region)) touched.add(id);
    return touched;
  }

  /** The person a name stands for in a document; without a document, the person it most often stands for. */
  identityOf(name: string, uri?: string): string {
    const whole = this.whole.get(name);
    if (whole !== undefined) return whole;
    const perDocument = this.perDocument.get(name);
    if (!perDocument) return name;
    const key = uri !== undefined ? this.names.get(name)?.documents.get(uri)?.key : undefined;
    if (key !== undefined) {
      const id = perDocument.get(key);
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
      const groups = this.names.get(name)?.groups;
      for (const [key, id] of perDocument) counts.set(id, (counts.get(id) ?? 0) + (groups?.get(key)?.uris.size ?? 0));
      ids = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([id]) => id);
      this.identitiesCache.set(name, ids);
    }
    return ids;
  }

  identity(id: string): Identity | undefined {
    return this.identities.get(id);
  }

  all(): IterableIterator<Identity> {
    return this.identities.values();
  }

  /** Names known to the corpus that fold to the same key as this one ("EL-SISI" → "El-Sisi"). */
  writtenNames(name: string): readonly string[] {
    return [...(this.byFoldKey.get(foldKey(name)) ?? [])];
  }

  /** Every name a person goes by: the shown name, written names, and people.yaml aliases. */
  namesOf(id: string): readonly string[] {
    let names = this.namesCache.get(id);
    if (!names) {
      const identity = this.identities.get(id);
      names = identity ? [...new Set([identity.id, ...identity.names, ...identity.partial.keys(), ...identity.extraAliases])] : [id];
      this.namesCache.set(id, names);
    }
    return names;
  }

  private ruleGroups(): Map<string, number> {
    const groups = new Map<string, number>();
    this.rules.people.forEach((rule, i) => {
      for (const written of [rule.name, ...rule.aliases]) for (const name of this.byFoldKey.get(foldKey(written)) ?? []) groups.set(name, i);
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

  /** Clusters the names of a region into identities; returns their ids. */
  private resolveRegion(region: Set<string>): string[] {
    // 1. Atoms: names that are one by spelling, or by a people.yaml entry.
    const atomOf = new UnionFind<string>();
    const reasons = new Map<string, Merge>();
    const byKey = new Map<string, string>();
    const full: NameEntry[] = [], bare: NameEntry[] = [];
    for (const name of region) {
      const entry = this.names.get(name)!;
      atomOf.add(name);
      if (entry.parts && entry.parts.given.length > 0) full.push(entry);
      else if (entry.parts) bare.push(entry);
    }
    for (const entry of full) {
      for (const key of [`o:${entry.parts!.orderFreeKey}:${entry.parts!.suffix ?? ''}`, `c:${entry.parts!.compactKey}:${entry.parts!.suffix ?? ''}`]) {
        const other = byKey.get(key);
        if (other === undefined) byKey.set(key, entry.name);
        else if (!atomOf.same(other, entry.name) && !this.areApart([other], [entry.name])) {
          atomOf.union(other, entry.name);
          if (!reasons.has(entry.name)) reasons.set(entry.name, { name: entry.name, with: other, reason: 'same name' });
        }
      }
    }
    const ruleAtoms = new Map<number, string>();
    for (const name of region) {
      const group = this.ruleGroupOf.get(name);
      if (group === undefined) continue;
      const first = ruleAtoms.get(group);
      if (first === undefined) ruleAtoms.set(group, name);
      else {
        atomOf.union(first, name);
        reasons.set(name, { name, with: this.rules.people[group].name, reason: 'people.yaml' });
      }
    }
    const atoms = new Map<string, NameEntry[]>();
    for (const name of region) {
      const entry = this.names.get(name)!;
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
    const ruleOfAtom = (atom: NameEntry[]) => atom.map(entry => this.ruleGroupOf.get(entry.name)).find(group => group !== undefined);
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
          const merge = this.joinable(atom, cluster.atoms, cluster.names);
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
      if (!byName) partial.set(id, (byName = new Map()));
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
      const ruleName = cluster.rule !== undefined ? this.rules.people[cluster.rule].name : undefined;
      const shown = ruleName && !this.identities.has(ruleName) ? ruleName : this.uniqueId(displayName(names));
      idOfCluster.set(cluster, shown);
      this.identities.set(shown, placeholder(shown));
      made.push(shown);
      for (const entry of names) this.whole.set(entry.name, shown);
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
    const decide = (entry: NameEntry, candidates: Cluster[]) => {
      const byGroup = new Map<string, string>();
      const candidateProfiles = candidates.map(profiles);
      const timeless = new Map<string, ReturnType<typeof choose>>();
      for (const [key, group] of entry.groups) {
        const titles = key.slice(key.indexOf('|') + 1);
        let choice = timeless.get(titles);
        if (!choice) {
          choice = choose(entry.documents.get(group.uris.values().next().value!)!, candidateProfiles);
          if (choice?.timeless) timeless.set(titles, choice);
        }
        if (!choice || choice.index < 0) {
          byGroup.set(key, '');
          continue;
        }
        const id = idOfCluster.get(candidates[choice.index])!;
        byGroup.set(key, id);
        addPartial(id, entry, group);
        const reason = candidates.length === 1 && choice.reason === 'nearest in time' ? 'only person with the surname' : choice.reason;
        let byId = decided.get(entry.name);
        if (!byId) decided.set(entry.name, (byId = new Map()));
        let counts = byId.get(id);
        if (!counts) byId.set(id, (counts = new Map()));
        counts.set(reason, (counts.get(reason) ?? 0) + group.uris.size);
      }
      return byGroup;
    };
    const perDocumentNames: { entry: NameEntry; byGroup: Map<string, string> }[] = [];
    for (const { atom, candidates } of ambiguous) for (const entry of atom) perDocumentNames.push({ entry, byGroup: decide(entry, candidates) });
    for (const entry of bare) {
      if (this.whole.has(entry.name)) continue;
      const candidates = clustersByBlock.get(entry.parts!.surname) ?? [];
      perDocumentNames.push({ entry, byGroup: candidates.length ? decide(entry, candidates) : new Map([...entry.groups.keys()].map(key => [key, ''])) });
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
      const shown = this.uniqueId(displayName(entries));
      unresolvedIds.set(key, shown);
      this.identities.set(shown, placeholder(shown));
      made.push(shown);
    }
    for (const { entry, byGroup } of perDocumentNames) {
      const own = unresolvedIds.get(entry.parts!.given.length ? entry.parts!.compactKey : entry.parts!.surname);
      for (const [key, id] of byGroup) {
        if (id !== '') continue;
        byGroup.set(key, own!);
        addPartial(own!, entry, entry.groups.get(key)!);
      }
      const ids = new Set(byGroup.values());
      if (ids.size === 1 && !decided.has(entry.name)) this.whole.set(entry.name, [...ids][0]);
      else this.perDocument.set(entry.name, byGroup);
    }
    // A bare name that is wholly its own person is a name of it, not a partial one.
    for (const [id, byName] of partial) {
      for (const name of byName.keys()) {
        if (this.whole.get(name) !== id) continue;
        byName.delete(name);
        // Counted with the person's whole names instead.
        const counts = partialCounts.get(id)!;
        for (const evidence of this.names.get(name)!.documents.values()) counts.quotes -= evidence.quotes;
      }
    }

    // 5. Fill in the identities: names, reasons, documents, hidden.
    const namesById = new Map<string, string[]>();
    for (const name of region) {
      const owner = this.whole.get(name);
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
      const uris = new Set<string>();
      let quotes = 0;
      for (const name of names) {
        for (const [uri, evidence] of this.names.get(name)!.documents) {
          uris.add(uri);
          quotes += evidence.quotes;
        }
      }
      const counts = partialCounts.get(id);
      if (counts) {
        for (const group of counts.groups) for (const uri of group.uris) uris.add(uri);
        quotes += counts.quotes;
      }
      const group = names.map(name => this.ruleGroupOf.get(name)).find(g => g !== undefined);
      const rule = group !== undefined ? this.rules.people[group] : undefined;
      const allNames = [...names, ...byName.keys()];
      const hidden = allNames.some(name => this.isHiddenName(name)) || this.isHiddenName(id);
      const notPerson = rule ? undefined : notAPerson(allNames.map(name => this.names.get(name)!), byName);
      this.identities.set(id, {
        id,
        names,
        partial: byName,
        merges,
        hidden: hidden || notPerson !== undefined,
        ...(notPerson ? { notPerson } : {}),
        extraAliases: rule ? [rule.name, ...rule.aliases].filter(alias => alias !== id && !allNames.includes(alias)) : [],
        extraRoles: rule?.roles ?? [],
        documents: uris.size,
        quotes,
      });
    }
    return made;
  }

  /** A merge if the atom may join the cluster: compatible with every name of it, and not kept apart. */
  private joinable(atom: NameEntry[], cluster: NameEntry[][], clusterParts: readonly NameEntry[]): Merge | undefined {
    if (this.rules.apart.length && this.areApart(atom.map(e => e.name), cluster.flat().map(e => e.name))) return undefined;
    const atomParts = atom.filter(e => e.parts!.given.length > 0);
    if (!clusterParts.some(c => atomParts.some(a => a.parts!.surname === c.parts!.surname || a.parts!.orderFreeKey === c.parts!.orderFreeKey))) return undefined;
    let best: Merge | undefined;
    // "Al Sisi" when the person's names write "Al Sisi" / "El-Sisi" as the surname: the "Al" is no given name.
    const particleAtom = atomParts.every(a => clusterParts.some(c => isParticleGiven(a, c)));
    for (const other of cluster) {
      for (const a of atomParts) {
        for (const c of other) {
          if (c.parts!.given.length === 0) continue;
          if (a.parts!.surname !== c.parts!.surname && a.parts!.orderFreeKey !== c.parts!.orderFreeKey) continue;
          const particle = particleAtom || isParticleGiven(c, a);
          const match = particle ? ({ match: true, reason: 'spelling' } as const) : compareGiven(a.parts!, c.parts!);
          if (!match.match) return undefined;
          let reason: MergeReason = match.reason;
          if (a.parts!.suffix !== c.parts!.suffix) {
            if (a.parts!.suffix && c.parts!.suffix) return undefined;
            const why = a.parts!.suffix ? suffixJoin(atom, other) : suffixJoin(other, atom);
            if (!why) return undefined;
            if (why === 'shared role') reason = why;
          }
          best ??= { name: a.name, with: c.name, reason };
        }
      }
    }
    return best;
  }

  private uniqueId(name: string): string {
    if (!this.identities.has(name)) return name;
    for (let n = 2; ; n++) if (!this.identities.has(`${name} (${n})`)) return `${name} (${n})`;
  }
}

function placeholder(id: string): Identity {
  return { id, names: [], partial: new Map(), merges: [], hidden: false, extraAliases: [], extraRoles: [], documents: 0, quotes: 0 };
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
      for (const word of words) if (HEAD_WORDS.has(word)) titles.add(word);
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
      else if (NON_PERSON_WORDS.has(first) || ROLE_MODIFIERS.has(first) || /^[a-z]/.test(words[0])) objectVotes++;
    }
    evidence.set(person.name, { date, day, titles: [...titles], offices: [...titles].filter(title => !WEAK_TITLES.has(title)), objectOfRole: objectVotes > personVotes, quotes: quotes.get(person.name) ?? 0, key: `${day}|${[...titles].join(' ')}` });
  }
  for (const name of new Set([...quotes.keys(), ...document.speakers.value])) {
    if (!evidence.has(name)) evidence.set(name, { date, day, titles: [], offices: [], objectOfRole: false, quotes: quotes.get(name) ?? 0, key: `${day}|` });
  }
  return evidence;
}

const blocksOf = (entry: NameEntry) => entry.parts?.blocks ?? [];

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

/** More given names and fewer initials first: "Joseph R. Biden Jr." before "Joe Biden" before "J. Biden". */
function specificity(atom: NameEntry[]): number {
  let best = 0;
  for (const entry of atom) {
    const given = entry.parts!.given;
    best = Math.max(best, given.filter(g => g.length > 1).length * 4 + given.filter(g => g.length === 1).length * 2 + (entry.parts!.suffix ? 1 : 0));
  }
  return best;
}

function documentCount(names: NameEntry[]): number {
  let count = 0;
  for (const entry of names) count += entry.documents.size;
  return count;
}

/** The most used name, a full name rather than a surname; the written form as the corpus writes it most. */
function displayName(names: NameEntry[]): string {
  let best: NameEntry | undefined;
  const score = (entry: NameEntry) => (entry.parts && entry.parts.given.length > 0 ? 1e9 : 0) + entry.documents.size - (/^[^a-z]*$/.test(entry.name) ? 1e6 : 0);
  for (const entry of names) if (!best || score(entry) > score(best) || score(entry) === score(best) && entry.name < best.name) best = entry;
  return best!.parts?.display ?? best!.name;
}

/** "Al Sisi" beside "Abdel Fattah Al Sisi": the "Al" is the particle of the surname, not a given name. */
function isParticleGiven(short: NameEntry, long: NameEntry): boolean {
  const given = short.parts!.writtenGiven;
  if (given.length !== 1 || !/^(?:al|el)$/.test(given[0]) || long.parts!.given.length < 2) return false;
  return new RegExp(`\\b(?:al|el)[ -]${short.parts!.surname}$`).test(foldName(long.name).replace(/[’']s$/, ''));
}

/**
 * Whether a name with a suffix ("Joseph R. Biden Jr.") and one without ("Joe Biden"), each taken with the
 * spellings of its own name, may be one person: yes when both are mostly named with one office (in a quarter
 * of their documents or more); else no when they stand side by side in a quarter or more of the documents of
 * the rarer ("Donald Trump Jr." beside his father); else yes when the suffixed name holds no office, or the
 * plain one is met once and holds none (no evidence of a father).
 */
function suffixJoin(suffixed: readonly NameEntry[], plain: readonly NameEntry[]): 'shared role' | 'no rival' | undefined {
  const suffixedOffices = officesOf(suffixed), plainOffices = officesOf(plain);
  for (const [title, share] of suffixedOffices) if (share >= 0.25 && (plainOffices.get(title) ?? 0) >= 0.25) return 'shared role';
  const suffixedDocuments = new Set(suffixed.flatMap(entry => [...entry.documents.keys()]));
  let together = 0, plainDocuments = 0;
  for (const entry of plain) {
    plainDocuments += entry.documents.size;
    for (const uri of entry.documents.keys()) if (suffixedDocuments.has(uri)) together++;
  }
  if (together > 0 && together * 4 >= Math.min(suffixedDocuments.size, plainDocuments)) return undefined;
  return suffixedOffices.size === 0 || plainOffices.size === 0 && plainDocuments <= 1 ? 'no rival' : undefined;
}

/** The offices the names of one atom are given, each with the share of their documents that give it. */
function officesOf(atom: readonly NameEntry[]): Map<string, number> {
  const counts = new Map<string, number>();
  let documents = 0;
  for (const entry of atom) {
    const profile = profileOfEntry(entry);
    documents += profile.documents;
    for (const [title, count] of profile.titles) if (!WEAK_TITLES.has(title)) counts.set(title, (counts.get(title) ?? 0) + count);
  }
  for (const [title, count] of counts) counts.set(title, count / Math.max(1, documents));
  return counts;
}

/** One written name's documents as a per-document decision sees them: title words, dates. */
interface EntryProfile {
  /** Title word → how many documents give it. */
  readonly titles: Map<string, number>;
  /** Document dates as day numbers, sorted. */
  readonly days: number[];
  readonly documents: number;
}

function profileOfEntry(entry: NameEntry): EntryProfile {
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

/** A candidate person, as its names' documents show it. */
interface Profile {
  readonly titles: Set<string>;
  /** The dates of every document of its names, as day numbers, sorted. */
  readonly days: Float64Array;
  /** How much being named often counts: the log of the documents. */
  readonly weight: number;
}

function profileOf(names: NameEntry[]): Profile {
  const titles = new Set<string>();
  let documents = 0, dated = 0;
  const entries = names.map(profileOfEntry);
  for (const entry of entries) {
    documents += entry.documents;
    dated += entry.days.length;
    for (const title of entry.titles.keys()) titles.add(title);
  }
  const days = new Float64Array(dated);
  let at = 0;
  for (const entry of entries) {
    days.set(entry.days, at);
    at += entry.days.length;
  }
  return { titles, days: days.sort(), weight: Math.log10(1 + documents) * 0.5 };
}

function dayOf(date: string): number {
  const [year, month = '06', day = '15'] = date.split('-');
  return Number(year) * 372 + (Number(month) - 1) * 31 + Number(day);
}

/** Days from a date to the nearest of a person's documents. */
function nearestDays(days: Float64Array, day: number): number {
  if (days.length === 0) return Infinity;
  let low = 0, high = days.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (days[middle] < day) low = middle + 1;
    else high = middle;
  }
  return Math.min(low < days.length ? days[low] - day : Infinity, low > 0 ? day - days[low - 1] : Infinity);
}

/**
 * Which candidate a name in one document stands for: the document's title words against each candidate's
 * offices first, then how near in time the candidate's documents are, then how often the corpus names them.
 * Undefined when the document gives an office none of them held. `timeless` when the date played no part
 * (one candidate held the office, or none did), so documents with the same title words decide alike.
 */
function choose(evidence: Evidence, candidates: readonly Profile[]): { index: number; reason: MergeReason; timeless: boolean } | undefined {
  const offices = evidence.offices;
  // An office in common scores 10, more than anything else can add (2 + 2 + 3): only those candidates compete.
  let contenders: number[] = [];
  if (offices.length > 0) {
    for (let i = 0; i < candidates.length; i++) if (offices.some(title => candidates[i].titles.has(title))) contenders.push(i);
    // "President Johnson" when the corpus's full-name Johnsons are a Speaker and a Prime Minister: none of them.
    if (contenders.length === 0 && candidates.some(candidate => candidate.titles.size > 0)) return { index: -1, reason: 'nearest in time', timeless: true };
  }
  const byRole = contenders.length > 0;
  if (!byRole) contenders = candidates.map((_, i) => i);
  if (contenders.length === 1) return { index: contenders[0], reason: byRole ? 'role in the document' : 'nearest in time', timeless: true };
  const day = evidence.date ? evidence.day : undefined;
  const honorifics = evidence.titles.filter(title => WEAK_TITLES.has(title));
  // The best score wins, the first candidate on a tie. Nearness in time adds at most 3, so candidates are
  // scored most promising first, and one that cannot reach the best so far is not scored at all.
  const bound = (i: number) => (honorifics.some(title => candidates[i].titles.has(title)) ? 2 : 0) + candidates[i].weight;
  const bounds = contenders.map(i => ({ i, bound: bound(i) })).sort((a, b) => b.bound - a.bound || a.i - b.i);
  let best = -1, bestScore = -Infinity;
  for (const { i, bound } of bounds) {
    const reach = bound + (day !== undefined ? 3 : 0);
    if (reach < bestScore || reach === bestScore && i > best) break;
    const score = day !== undefined ? bound + 3 / (1 + nearestDays(candidates[i].days, day) / 180) : bound;
    if (score > bestScore || score === bestScore && i < best) {
      best = i;
      bestScore = score;
    }
  }
  if (best < 0) return undefined;
  return { index: best, reason: byRole ? 'role in the document' : 'nearest in time', timeless: day === undefined };
}

/** Why a group of names is not a person, or undefined when it may be one. */
function notAPerson(entries: NameEntry[], partial: ReadonlyMap<string, ReadonlySet<string>>): string | undefined {
  // "Audience Member", "Senior Administration Official", "Black Americans": a role or a people, not a name.
  const lastWords = entries.map(entry => foldName(entry.name).split(/\s+/).pop()!.replace(/[’']s$/, ''));
  if (lastWords.every(word => TRANSCRIPT_ROLES.has(word) || ROLE_NOUNS.has(word) || HEAD_WORDS.has(word) || NON_PERSON_WORDS.has(word) || isPeopleWord(word))) return 'a role, a people or a place, not a name';
  // Judged on the full names when there are any: the bare "Siemens" of "Germany-based Siemens" shows nothing.
  const full = entries.filter(entry => entry.parts && entry.parts.given.length > 0);
  const tokens = (full.length ? full : entries).map(entry => foldName(entry.name).split(/\s+/));
  if (tokens.every(words => words.some(isPronoun) || SENTENCE_OPENERS.has(words[0]))) return 'words of a sentence ("He’d", "What I’m", "Right so"), not a name';
  if (tokens.every(words => words.some(word => /-based$/.test(word)) || words.slice(1, -1).some(word => NON_PERSON_WORDS.has(word) && !PARTICLE_WORDS.has(word)))) return 'the name of an organisation ("Germany-based Siemens", "X Institute of Y")';
  if (entries.some(entry => entry.parts && entry.parts.given.length > 0)) return undefined;
  // A single word that no document gives a title or an honorific ("Transportation", "Well", "Hyundai"): the
  // corpus shows nothing of a person.
  if (entries.every(entry => profileOfEntry(entry).titles.size === 0)) return 'one word no document gives a title';
  const words = entries.map(entry => foldName(entry.name));
  if (words.every(word => TRANSCRIPT_ROLES.has(word) || HEAD_WORDS.has(word))) return 'a role, not a name';
  if (words.every(isPeopleWord)) return 'a people, not a person';
  let object = 0, total = 0;
  for (const entry of entries) {
    const uris = partial.get(entry.name);
    for (const [uri, evidence] of entry.documents) {
      if (uris && !uris.has(uri)) continue;
      total++;
      if (evidence.objectOfRole) object++;
    }
  }
  if (total > 0 && object / total >= 0.5) return 'the end of an office or place name ("Human Services", "New York")';
  return undefined;
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
