/**
 * Joining rules: whether two spellings are one person, and the reason kept for the merge. Given names decide
 * (nameParts.ts compareGiven: initials, nicknames, middle names); a particle may stand where a given name
 * would; a generational suffix ("Jr.") needs the evidence of offices and documents.
 */
import { compareGiven, foldName } from './nameParts';
import type { Merge, MergeReason } from './identity';
import { profileOfEntry, WEAK_TITLES, type NameEntry } from './nameTable';

/**
 * A merge if an atom (spellings of one name) may join a cluster (the atoms of one person so far): compatible
 * with every full name of it by given names, particles and suffixes, and not kept apart by people.yaml.
 * `clusterParts` are the cluster's full names.
 */
export function joinable(atom: NameEntry[], cluster: NameEntry[][], clusterParts: readonly NameEntry[], apart?: (a: readonly string[], b: readonly string[]) => boolean): Merge | undefined {
  if (apart?.(atom.map(e => e.name), cluster.flat().map(e => e.name))) return undefined;
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
        if (match.reason !== 'same name' && match.reason !== 'spelling' && relatives(a, c)) return undefined;
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


/** More given names and fewer initials first: "Joseph R. Biden Jr." before "Joe Biden" before "J. Biden". */
export function specificity(atom: NameEntry[]): number {
  let best = 0;
  for (const entry of atom) {
    const given = entry.parts!.given;
    best = Math.max(best, given.filter(g => g.length > 1).length * 4 + given.filter(g => g.length === 1).length * 2 + (entry.parts!.suffix ? 1 : 0));
  }
  return best;
}

export function documentCount(names: NameEntry[]): number {
  let count = 0;
  for (const entry of names) count += entry.documents.size;
  return count;
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
  const suffixedDocuments = documentsOf(suffixed);
  let together = 0, plainDocuments = 0;
  for (const entry of plain) {
    plainDocuments += entry.documents.size;
    for (const uri of entry.documents.keys()) if (suffixedDocuments.has(uri)) together++;
  }
  if (together > 0 && together * 4 >= Math.min(suffixedDocuments.size, plainDocuments)) return undefined;
  return suffixedOffices.size === 0 || plainOffices.size === 0 && plainDocuments <= 1 ? 'no rival' : undefined;
}

/**
 * Per atom, what the joining rules read of it, made once per resolution: an atom is compared with every
 * cluster of its surname, and a much-named one has thousands of documents.
 */
const officesMade = new WeakMap<readonly NameEntry[], Map<string, number>>();
const documentsMade = new WeakMap<readonly NameEntry[], Set<string>>();

function documentsOf(atom: readonly NameEntry[]): Set<string> {
  let documents = documentsMade.get(atom);
  if (!documents) documentsMade.set(atom, (documents = new Set(atom.flatMap(entry => [...entry.documents.keys()]))));
  return documents;
}

/** The offices the names of one atom are given, each with the share of their documents that give it. */
function officesOf(atom: readonly NameEntry[]): Map<string, number> {
  const made = officesMade.get(atom);
  if (made) return made;
  const counts = new Map<string, number>();
  officesMade.set(atom, counts);
  let documents = 0;
  for (const entry of atom) {
    const profile = profileOfEntry(entry);
    documents += profile.documents;
    for (const [title, count] of profile.titles) if (!WEAK_TITLES.has(title)) counts.set(title, (counts.get(title) ?? 0) + count);
  }
  for (const [title, count] of counts) counts.set(title, count / Math.max(1, documents));
  return counts;
}


/**
 * Two names one document gives side by side, the one with more given names introduced as someone's relative
 * ("John Vell … his son, the sixth President John Rusk Vell"): a son named for his father, not one person,
 * though the names are compatible. The shorter name introduced so ("her father, General X") is the same man.
 */
function relatives(a: NameEntry, b: NameEntry): boolean {
  const [longer, shorter] = a.parts!.given.length >= b.parts!.given.length ? [a, b] : [b, a];
  if (longer.parts!.given.length === shorter.parts!.given.length) return false;
  for (const [uri, evidence] of longer.documents) if (evidence.kin && shorter.documents.get(uri)?.kin === false) return true;
  return false;
}
