/** Who is a man and who a woman, as far as a document shows it: for pronouns. */
import { genderOfGivenName, givenNameGender } from './givenNameGender';
import type { Mention } from './people';

const FEMININE = /\b(?:mrs|ms|miss|madam|dame|lady|first lady|queen|princess|duchess|spokeswoman|chairwoman|congresswoman|businesswoman|councilwoman|wife|mother|daughter|sister|grandmother|widow)\b/i;
const MASCULINE = /\b(?:mr|sir|lord|king|prince|duke|spokesman|congressman|businessman|councilman|husband|father|son|brother|grandfather|widower)\b/i;
const FEMININE_BEFORE = /\b(?:widow|wife|mother|daughter|sister|grandmother|actress|businesswoman|congresswoman|spokeswoman|chairwoman)\s+$/i;
// Not "chairman" or "actor": news write them before women's names too ("Fed Chairman Janet Yellen", "actor Meryl
// Streep"), and a word right before a name weighs as much as an honorific.
const MASCULINE_BEFORE = /\b(?:widower|husband|father|son|brother|grandfather|businessman|congressman|spokesman)\s+$/i;

/**
 * Each person's gender where the text shows it, so "she said" does not go to the last man who spoke: an
 * honorific or title before a mention or among the roles, else a vote of the first personal pronoun in the 80
 * characters after each mention, in the same sentence ("Clinton said she …"), and the usual gender of the first
 * given name, which one pronoun against it cancels.
 */
export function gendersOf(text: string, mentions: readonly Mention[], people: ReadonlyMap<string, { readonly roles: readonly string[] }>, firstNamed: ReadonlySet<string> = new Set()): Map<string, 'm' | 'f'> {
  const votes = new Map<string, number>();
  const vote = (name: string, gender: 'm' | 'f', weight: number) => votes.set(name, (votes.get(name) ?? 0) + (gender === 'm' ? weight : -weight));
  for (const [name, person] of people) {
    // A person the text names by a given name alone ("Melanie") has that name's gender too.
    const byGivenName = firstNamed.has(name) ? genderOfGivenName(name) : givenNameGender(name);
    if (byGivenName) vote(name, byGivenName, 1);
    for (const role of person.roles) {
      if (FEMININE.test(role)) vote(name, 'f', 3);
      else if (MASCULINE.test(role)) vote(name, 'm', 3);
    }
  }
  for (const [i, mention] of mentions.entries()) {
    const before = text.slice(Math.max(0, mention.span.start - 16), mention.span.start);
    if (/\b(?:Mrs|Ms|Miss)\.?\s+$/.test(before)) vote(mention.person, 'f', 3);
    else if (/\bMr\.?\s+$/.test(before)) vote(mention.person, 'm', 3);
    // "said flood widow Terry Lund", "her husband Ivo Lind": a word for a woman or a man right before the name.
    else if (FEMININE_BEFORE.test(before)) vote(mention.person, 'f', 3);
    else if (MASCULINE_BEFORE.test(before)) vote(mention.person, 'm', 3);
    // Only up to the next person named: in "Trump attacked Clinton, calling her …" the pronoun is Clinton's.
    const next = mentions[i + 1]?.person !== mention.person ? mentions[i + 1]?.span.start ?? Infinity : Infinity;
    // "Carvalho questioned him", "Ruiz thanked her.": an object pronoun in the name's own clause is someone else.
    const after = /^[^.!?]{0,80}?\b(he|his|she|hers|her(?!\s*[.,;:!?)]|\s+(?:for|to|at|in|on|with|by|from|about|as|and|that)\b))\b/i.exec(ownClause(text.slice(mention.span.end, Math.min(next, mention.span.end + 80))));
    if (after) vote(mention.person, /^(?:he|his)$/i.test(after[1]) ? 'm' : 'f', 1);
  }
  const genders = new Map<string, 'm' | 'f'>();
  for (const [name, score] of votes) if (score !== 0) genders.set(name, score > 0 ? 'm' : 'f');
  return genders;
}

/**
 * The words after a mention that are still about that person: up to another clause ("Ruiz waved to the crowd,
 * and she …") or a relative clause about another noun ("Ruiz spoke to the nominee, who began his …"); one right
 * after the name stays ("Ruiz, who began her …").
 */
function ownClause(after: string): string {
  const other = /[,;]\s*(?:and|but|while|as|so|yet|or|because|although|though|whereas)\s|\p{L}\s*,\s*(?:who|whose|which)\b/u.exec(after);
  return other ? after.slice(0, other.index + 1) : after;
}
