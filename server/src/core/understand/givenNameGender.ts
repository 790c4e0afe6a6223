/**
 * The gender a given name usually has, as weak evidence for "he" / "she" when the text itself shows nothing
 * ("Rosalind Tervo stood up. “…,” she said"). The text's own evidence (Mr./Ms., gendered
 * titles, pronouns after a mention) outweighs it; see `gendersOf` in people.ts.
 */
import { getGender } from 'gender-detection-from-name';
import { nameParts } from '../identity/nameParts';

/**
 * 'm' or 'f' when the name's first given name is listed with one gender, else undefined: one-word names (a
 * surname alone), surname-first names ("Wang Yi", where "Wang" is no given name), initials and unlisted names.
 */
export function givenNameGender(name: string): 'm' | 'f' | undefined {
  const known = genderByName.get(name);
  if (known !== undefined || genderByName.has(name)) return known;
  if (genderByName.size >= REMEMBERED_NAMES) genderByName.clear();
  const gender = genderOfName(name);
  genderByName.set(name, gender);
  return gender;
}

/**
 * The same names come back in document after document ("Antony J. Blinken" in thousands): each is read and
 * looked up once. Bounded, so that a parse worker's heap does not grow with the corpus.
 */
const genderByName = new Map<string, 'm' | 'f' | undefined>();
const REMEMBERED_NAMES = 20_000;

function genderOfName(name: string): 'm' | 'f' | undefined {
  const parts = nameParts(name);
  if (!parts || parts.surnameFirst || parts.given.length === 0) return undefined;
  const first = parts.writtenGiven[0];
  if (!first || first.replace(/\./g, '').length < 2) return undefined;
  return genderOfGivenName(first);
}

/** 'm' or 'f' for a given name alone ("Melanie"), when the list gives it one gender. */
export function genderOfGivenName(given: string): 'm' | 'f' | undefined {
  const gender = getGender(given);
  return gender === 'male' ? 'm' : gender === 'female' ? 'f' : undefined;
}

/** Given names that are also everyday words, too often capitalized at a sentence start or in a place name to count. */
const EVERYDAY_WORD_NAMES = new Set(['will', 'may', 'mark', 'grant', 'hope', 'faith', 'joy', 'rich', 'chase', 'art', 'bill', 'sunny', 'summer', 'autumn', 'june', 'april', 'august', 'price', 'young', 'king', 'major', 'page', 'long', 'star', 'sky', 'love', 'rose', 'ivy', 'iris', 'lily', 'dawn', 'destiny', 'liberty', 'justice', 'honor', 'precious', 'unique', 'christian', 'general', 'israel', 'jordan', 'georgia', 'virginia', 'carolina', 'florida', 'india', 'china', 'kenya', 'africa', 'asia', 'america', 'paris', 'london', 'sydney', 'austin', 'dallas', 'houston', 'denver', 'phoenix', 'lincoln', 'madison', 'jackson', 'washington', 'kennedy', 'reagan', 'clinton', 'trump',
  'second', 'golden', 'law', 'forest', 'urban', 'iron', 'marine', 'royal', 'holy', 'blue', 'great', 'free', 'infant', 'ally',
  'harvard', 'yale', 'nobel', 'baptist', 'camp', 'chapel', 'tel', 'sri', 'sierra', 'hong', 'kim', 'alaska', 'arab', 'costa',
  'lake', 'saint', 'temple', 'wealth', 'steel', 'loan', 'aid', 'life', 'many', 'texas', 'avi', 'phi', 'abu', 'fox', 'urban',
  'pastor', 'prosperity', 'democratic', 'syrian', 'cherokee', 'edison', 'hampton', 'ranger', 'boston', 'berlin', 'pearl',
  'sandy', 'crystal', 'amber', 'ruby', 'jade', 'coral', 'river', 'brook', 'glen', 'dale', 'cliff', 'rock', 'stone',
  'even', 'santa', 'future', 'divine', 'loyal', 'roman', 'shia', 'cedar', 'seneca', 'kerem', 'abbey', 'rio', 'australia',
  'atlanta', 'vienna', 'artemis', 'sheriff', 'secret', 'border',
  'yemen', 'fort', 'oak', 'sao', 'viet', 'tal', 'jersey', 'clemency', 'bear', 'happy', 'early', 'real', 'supreme', 'light',
  'million', 'mine', 'park', 'parks', 'harsh', 'nature', 'ramadan', 'santo',
  'colorado', 'tiger', 'philippine']);

/** A given name, or a hyphenated one with a listed part ("Jo-Renee"): a name's first word that opens a person's name. */
export function isGivenNameWord(word: string): boolean {
  return word.split('-').some(isGivenName);
}

/** A word listed as a given name that is not also an everyday word or place: evidence that "Rosalind Tervo" names a person. */
export function isGivenName(word: string): boolean {
  const lower = word.toLowerCase();
  return lower.length >= 3 && !EVERYDAY_WORD_NAMES.has(lower) && getGender(lower) !== 'unknown';
}
