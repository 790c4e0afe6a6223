/**
 * Names decided per document (a bare "Biden", a "George Bush" that fits two people): which of the candidate
 * people the name stands for in one document, from the document's title words and date.
 */
import type { MergeReason } from './identity';
import { profileOfEntry, WEAK_TITLES, type Evidence, type NameEntry } from './nameTable';

/** A candidate person, as its names' documents show it. */
export interface Profile {
  readonly titles: Set<string>;
  /** The dates of every document of its names, as day numbers, sorted. */
  readonly days: Float64Array;
  /** How much being named often counts: the log of the documents. */
  readonly weight: number;
}

export function profileOf(names: NameEntry[]): Profile {
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

/** Which candidate a name stands for in one document, and why; index -1 for none of them. */
export interface Choice {
  readonly index: number;
  readonly reason: MergeReason;
}

/**
 * How documents that give a name the same title words choose among the candidates: the title words against
 * each candidate's offices first, then how near in time the candidate's documents are, then how often the
 * corpus names them. A Choice when the date plays no part (one candidate held the office, or none did: index
 * -1 when the document gives an office none of them held); else a function of the document's date.
 */
export function chooser(evidence: Evidence, candidates: readonly Profile[]): Choice | ((date: string | null, day: number) => Choice) {
  const offices = evidence.offices;
  // An office in common scores 10, more than anything else can add (2 + 2 + 3): only those candidates compete.
  let contenders: number[] = [];
  if (offices.length > 0) {
    for (let i = 0; i < candidates.length; i++) if (offices.some(title => candidates[i].titles.has(title))) contenders.push(i);
    // "President Johnson" when the corpus's full-name Johnsons are a Speaker and a Prime Minister: none of them.
    if (contenders.length === 0 && candidates.some(candidate => candidate.titles.size > 0)) return { index: -1, reason: 'nearest in time' };
  }
  const byRole = contenders.length > 0;
  const reason: MergeReason = byRole ? 'role in the document' : 'nearest in time';
  if (!byRole) contenders = candidates.map((_, i) => i);
  if (contenders.length === 1) return { index: contenders[0], reason };
  const honorifics = evidence.titles.filter(title => WEAK_TITLES.has(title));
  // The best score wins, the first candidate on a tie. Nearness in time adds at most 3, so candidates are
  // scored most promising first, and one that cannot reach the best so far is not scored at all.
  const bounds = contenders
    .map(i => ({ i, bound: (honorifics.some(title => candidates[i].titles.has(title)) ? 2 : 0) + candidates[i].weight }))
    .sort((a, b) => b.bound - a.bound || a.i - b.i);
  return (date, day) => {
    const dated = date !== null;
    let best = -1, bestScore = -Infinity;
    for (const { i, bound } of bounds) {
      const reach = bound + (dated ? 3 : 0);
      if (reach < bestScore || reach === bestScore && i > best) break;
      const score = dated ? bound + 3 / (1 + nearestDays(candidates[i].days, day) / 180) : bound;
      if (score > bestScore || score === bestScore && i < best) {
        best = i;
        bestScore = score;
      }
    }
    return { index: best, reason };
  };
}
