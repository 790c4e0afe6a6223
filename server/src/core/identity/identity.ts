/** What person resolution gives: a resolved person, and why each of its names was joined to it. */
import type { RuleRole } from './peopleRules';

export type MergeReason = 'same name' | 'spelling' | 'initials' | 'nickname' | 'middle name' | 'last names' | 'shared role' | 'people.yaml' | 'role in the document' | 'nearest in time' | 'only person with the surname' | 'office on the date';

/** Why a name is counted as this person. */
export interface Merge {
  readonly name: string;
  /** The name it was joined to (a name of the person), when it was joined by comparing names. */
  readonly with?: string;
  readonly reason: MergeReason;
  /** For names decided per document: in how many documents. */
  readonly documents?: number;
  /** For an office's title taken as its holder: on which dates, from what evidence. */
  readonly why?: string;
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

/** An identity reserved while a region is resolved, filled in once its names are known. */
export function placeholder(id: string): Identity {
  return { id, names: [], partial: new Map(), merges: [], hidden: false, extraAliases: [], extraRoles: [], documents: 0, quotes: 0 };
}
