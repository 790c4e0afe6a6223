import { isCountryName, isUsStateName } from './places';
import { ANNOUNCING_VERBS, CHINESE_SURNAMES, DETERMINERS, FUNCTION_WORDS, HONORIFICS, NON_PERSON_WORDS, NOUNS_AFTER_NAMES, ORGANISATION_HEADS, ORGANISATION_TAILS, PLACE_TAILS, REPORTING_VERB_SET, ROLE_HEADS, ROLE_MODIFIERS } from './lexicon';
import type { Person, Span } from '../model';
import { firstAfter } from '../read/spans';
import { isCapitalized, isInitial, isSpaceGap, startsLowerCase, tokenize, type Token } from '../read/tokens';
import { verbLengthAt } from './attribution';
import { isGivenName, isGivenNameWord } from './givenNameGender';
import { gendersOf } from './genders';
import { compareGiven, nameParts } from '../identity/nameParts';

/** One place a person is named, in document order. */
export interface Mention {
  readonly person: string;
  readonly span: Span;
  /** The office stated with this mention ("State Councilor and Foreign Minister"). */
  readonly role?: string;
  /** The mention is the subject of a reporting verb or a reporting cue ("Qin said", "said Yang"). */
  readonly speaking: boolean;
  /** The mention is the subject of a clause ("Rosalind Tervo stood up", "Scott responded"): a likely referent. */
  readonly subject: boolean;
}

export interface PeopleInDocument {
  readonly people: Person[];
  readonly mentions: Mention[];
  /** Resolves a name as written ("Qin", "Secretary Blinken", "SECRETARY BLINKEN") to a canonical name. */
  resolve(phrase: string): string | undefined;
  /** The person whose role contains the noun ("the ambassador", "the vice-foreign minister"). */
  resolveByRole(description: string): string | undefined;
  /** 'm' or 'f' where the text shows it (Mr./Ms., a gendered title, the pronoun that follows a mention). */
  genderOf(name: string): 'm' | 'f' | undefined;
  /** Whether the document writes this word in lower case somewhere ("counselors", "additional"): an everyday word, no name. */
  writesInLowerCase(word: string): boolean;
  /** The tokens of a paragraph people were looked for in, when `text` is the text they were read from. */
  tokensOf?(text: string, paragraph: Span): readonly Token[] | undefined;
}

/** A word ending in a contracted verb: "He’d", "We’ll", "I’m", "They’re", "You’ve". */
const CONTRACTED_VERB = /['’](?:d|ll|re|ve|m)$/i;

/** A capital inside a word after its first syllable, not after a name's prefix: "PepsiCo", "CoreWeave", "YouTube". */
export function isCompanyShaped(word: string): boolean {
  return /^\p{Lu}\p{Ll}+\p{Lu}/u.test(word) && !/^(?:Mc|Mac|De|Di|Da|Du|La|Le|Van|Von|St|Fitz)\p{Lu}/u.test(word);
}

const PARTICLES = new Set(['de', 'da', 'di', 'del', 'van', 'von', 'der', 'den', 'bin', 'al', 'la', 'le', 'du', 'dos', 'das', 'ibn', 'y']);
const SUFFIXES = new Set(['jr.', 'sr.', 'ii', 'iii', 'iv', 'jr', 'sr']);
const CONNECTORS = new Set(['of', 'to', 'for', 'in', 'at', 'on', 'and', 'the', 'with']);

function isNameToken(token: Token): boolean {
  if (isInitial(token.text)) return true;
  if (!isCapitalized(token.text) || token.text.length < 2) return false;
  if (/[0-9]/.test(token.text) || token.text.endsWith('.') && !SUFFIXES.has(token.lower)) return false;
  // Acronyms and shouted cues, hyphenated too ("JEAN-PIERRE:" labelling a transcript turn).
  if (/^[A-Z]{2,}$/.test(token.text) || /^[A-Z]+(?:['’-][A-Z]+)+$/.test(token.text)) return false;
  if (/['’]s$/.test(token.text)) return isNameToken({ ...token, text: token.text.slice(0, -2), lower: token.lower.slice(0, -2) });
  return !NON_PERSON_WORDS.has(token.lower) && !ROLE_HEADS.has(token.lower) && !ROLE_MODIFIERS.has(token.lower) && !hasRoleHeadPart(token.lower);
}

/**
 * "vice-foreign": a part of a hyphenated word is a role head. A word without a hyphen is its only part, and
 * every caller has asked the sets of the whole word already, so only hyphenated words are split.
 */
const hasRoleHeadPart = (lower: string) => lower.includes('-') && lower.split('-').some(part => ROLE_HEADS.has(part));

/**
 * The name in a phrase no one introduced: "Rep. J.T. Halloran", "Sanders", "Rosa Linde". Leading titles are
 * dropped; what is left must be one to four name-like words, none an office, organisation or place.
 */
export function unknownPersonName(tokens: readonly Token[]): string | undefined {
  let first = 0;
  while (first < tokens.length - 1 && (HONORIFICS.has(tokens[first].lower) || isRoleWord(tokens[first]))) first++;
  const rest = tokens.slice(first);
  if (rest.length === 0 || rest.length > 4) return undefined;
  // "He’d", "So I’m": a pronoun with its verb. "PepsiCo", "AstraZeneca": a company's word, unlike
  // "McCarthy", "DeSantis" or "LaHood".
  if (rest.some(token => CONTRACTED_VERB.test(token.text)) || (rest.length === 1 && isCompanyShaped(rest[0].text))) return undefined;
  // "Offering remarks on …, the minister said": a participle opening a sentence. A surname in -ing ("Manning")
  // is found as a name once the text gives it with a given name; alone and unintroduced it is a verb.
  if (first === 0 && rest.length === 1 && /^\p{Lu}\p{Ll}{3,}ing$/u.test(rest[0].text)) return undefined;
  // "The Department of Transportation": an organisation's name, not a title before a person's.
  if (tokens.slice(0, first).some(token => ORGANISATION_TAILS.has(token.lower) || token.lower === 'department' || token.lower === 'ministry' || token.lower === 'office')) return undefined;
  // Initials may be joined ("J.T. Halloran"); a surname may be a title word ("Mr. Bishop", "Anna Bishop").
  const nameLike = (token: Token, i: number) => isNameToken(token) || (i < rest.length - 1 && /^(?:[A-Z]\.){1,3}$/.test(token.text))
    || (i > 0 && (isInitial(token.text) || SUFFIXES.has(token.lower)))
    || (i === rest.length - 1 && (i > 0 || first > 0) && /^[A-Z][a-z]+$/.test(token.text) && !NON_PERSON_WORDS.has(token.lower));
  if (!rest.every(nameLike)) return undefined;
  if (rest.some(token => /^(?:[A-Z]\.)+$/.test(token.text)) && rest.length === 1) return undefined; // "U.S."
  const name = rest.map(t => t.text).join(' ').replace(/['’]s$/, '');
  // "said Bangladesh": a country, which speaks as an organisation.
  return isCountryName(name) ? undefined : name;
}

/** Two to four name-like words, none an office, organisation, place or acronym: "Chad Smith", "Mary-Kate O'Neil". */
export function looksLikePersonName(tokens: readonly Token[]): boolean {
  return tokens.length >= 2 && tokens.length <= 4 && tokens.every((token, i) => isNameToken(token) || (i > 0 && (isInitial(token.text) || SUFFIXES.has(token.lower)))
    || (i === tokens.length - 1 && endsWithTitleSurname(tokens, 0, i)));
}

const isRoleHead = (token: { readonly lower: string }) => ROLE_HEADS.has(token.lower) || hasRoleHeadPart(token.lower);
const isRoleWord = (token: { readonly lower: string }) => isRoleHead(token) || ROLE_MODIFIERS.has(token.lower) || token.lower.includes('-') && token.lower.split('-').every(p => ROLE_MODIFIERS.has(p));

/** "Xi Jinping" → "Xi", "Antony J. Blinken" → "Blinken". */
export function surnameOf(name: string): string {
  const parts = name.split(/\s+/).filter(part => !SUFFIXES.has(part.toLowerCase()));
  if (parts.length === 2 && CHINESE_SURNAMES.has(parts[0].toLowerCase()) && /^[A-Z][a-z]+$/.test(parts[1])) {
    return parts[0];
  }
  return parts[parts.length - 1] ?? name;
}

interface NameRun {
  readonly first: number;
  /** Exclusive. */
  readonly last: number;
}

/** Given names that are also words the lexicon reads as things ("the Bill"). */
const GIVEN_NAME_NOUNS = new Set(['bill']);

/**
 * "Bill Burns said", "Rep. Bill Huizenga": such a word opens a name when a surname follows and the name ends
 * there. Not in a headline's run of capitals ("Senate Bill Cuts Costs") nor before a verb form ("Bill Signed").
 */
function isGivenNameNoun(tokens: Token[], i: number): boolean {
  const token = tokens[i];
  if (!GIVEN_NAME_NOUNS.has(token.lower) || !/^\p{Lu}\p{Ll}+$/u.test(token.text)) return false;
  // A particle may stand before the surname ("Bill de Blasio").
  const at = tokens[i + 1] && PARTICLES.has(tokens[i + 1].text) && isSpaceGap(tokens[i + 1].gap) ? i + 2 : i + 1;
  const surname = tokens[at], after = tokens[at + 1];
  return !!surname && isSpaceGap(surname.gap) && isNameToken(surname)
    && !/(?:ing|ed)$/.test(surname.lower) && !(after && isSpaceGap(after.gap) && isCapitalized(after.text));
}

/** A title or honorific as written in a phrase to resolve ("Secretary", "Foreign", "Dr."). */
const isTitleWord = (word: string) => {
  const lower = word.toLowerCase();
  return isRoleWord({ lower }) || HONORIFICS.has(lower);
};

/**
 * The word before a name is a title or honorific ("Secretary Blinken", "Sen. Ortiz"), or a given name after one
 * that the lexicon reads as a word ("Congressman Bill Keating", "Mayor London Breed"); not a word of a longer
 * name ("Joint Chiefs", "Human Services").
 */
const titleRightBefore = (tokens: Token[], at: number): boolean => {
  // A word of an office's phrase ("Secretary of State", "Foreign Minister") or an honorific right before; two
  // words back, only an office's head or an honorific ("Congressman Bill").
  const inTitle = (k: number) => k >= 0 && isTitleWord(tokens[k].text);
  const isHead = (k: number) => k >= 0 && isCapitalized(tokens[k].text) && (isRoleHead(tokens[k]) || HONORIFICS.has(tokens[k].lower));
  return at > 0 && isSpaceGap(tokens[at].gap) && (inTitle(at - 1) || (isCapitalized(tokens[at - 1].text) && isSpaceGap(tokens[at - 1].gap) && isHead(at - 2)));
};

/** Whether two written names may be one person by their given names (a bare surname on either side may). */
export function sameGivenNames(written: string, known: string): boolean {
  if (!known.includes(' ') || !written.includes(' ')) return true;
  // Only a listed given name is evidence against: "Secreatry Mayorkas" is no given name "Secreatry".
  if (!isGivenName(written.split(/\s+/)[0])) return true;
  const a = nameParts(written), b = nameParts(known);
  return !a || !b || compareGiven(a, b).match;
}

/** Words that end an office's title and are nobody's surname: "Chief Diversity Officer", "Deputy Comms Director". */
const OFFICE_ENDS = /^(?:Officer|Officers|Director|Directors|Manager|Coordinator|Administrator|Adviser|Advisor|Strategist|Specialist|Analyst|Counsel|Czar)$/;

/** Titles that are also surnames: "Howard Dean", "Angus King", "John Major", "Erik Prince". */
const TITLE_SURNAMES = new Set(['king', 'major', 'dean', 'bishop', 'judge', 'prince', 'pope']);

/**
 * A title word after a given name ends the name as its surname ("Howard Dean", "Martin Luther King") when no
 * other name word follows it ("Jordan King Abdullah" is a place and a title), nor "of" ("the Sanford Weill Dean
 * of the medical school" holds a chair) unless a US state follows: "Sen. Angus King of Maine" is how news name a
 * lawmaker, while "Louis King of France" is a king.
 */
function endsWithTitleSurname(tokens: readonly Token[], first: number, at: number): boolean {
  const next = tokens[at + 1];
  return TITLE_SURNAMES.has(tokens[at].lower) && /^\p{Lu}\p{Ll}+$/u.test(tokens[at].text) && at - first <= 2 && isGivenName(tokens[first].text)
    && !(next && isSpaceGap(next.gap) && (isCapitalized(next.text) || next.lower === 'of' && !stateAfterOf(tokens, at + 2)));
}

/** Whether the words from `at` name a US state of one or two words ("Maine", "New Hampshire"). */
function stateAfterOf(tokens: readonly Token[], at: number): boolean {
  const [one, two] = [tokens[at], tokens[at + 1]];
  if (!one || !isSpaceGap(one.gap)) return false;
  return isUsStateName(one.text) || !!two && isSpaceGap(two.gap) && isUsStateName(`${one.text} ${two.text}`);
}

/**
 * "Loretta Lynch" and "Loretta E. Lynch" in one article are one person: a name is merged into the one fuller form
 * whose given names agree with it (a middle name or initial more), under the fuller name. With two fuller forms
 * ("George H. W. Bush", "George W. Bush") the short one stays apart.
 */
function mergeFullerForms(people: Map<string, Draft>, mentions: Mention[]): void {
  const parts = new Map([...people.keys()].map(name => [name, nameParts(name)]));
  // Only names with one surname can merge: comparing each name with every other was quadratic, 10 s on a 200 KB
  // list of 9,000 names.
  const bySurname = new Map<string, string[]>();
  for (const [name, written] of parts) if (written) bySurname.set(written.surname, [...(bySurname.get(written.surname) ?? []), name]);
  const mergedInto = new Map<string, string>();
  for (const [name, short] of parts) {
    if (!short || short.given.length === 0) continue;
    const fuller = (bySurname.get(short.surname) ?? []).filter(other => {
      const long = parts.get(other);
      return other !== name && long && long.given.length > short.given.length && !long.suffix === !short.suffix && compareGiven(short, long).match;
    });
    if (fuller.length !== 1) continue;
    const into = people.get(fuller[0])!, from = people.get(name)!;
    into.mentions.push(...from.mentions);
    for (const role of from.roles) if (!into.roles.some(r => r.toLowerCase() === role.toLowerCase())) into.roles.push(role);
    into.aliases.add(name);
    for (const alias of from.aliases) into.aliases.add(alias);
    into.introduction ??= from.introduction;
    mergedInto.set(name, into.name);
    people.delete(name);
    parts.delete(name);
  }
  if (mergedInto.size === 0) return;
  // One pass over the mentions at the end (one per merge was quadratic too); a name merged into one that merges
  // later goes to the last. Given names only grow along the way, so this ends.
  const finalName = (name: string): string => {
    let at = name;
    for (let next = mergedInto.get(at); next !== undefined; next = mergedInto.get(at)) at = next;
    return at;
  };
  for (const [i, mention] of mentions.entries()) if (mergedInto.has(mention.person)) mentions[i] = { ...mention, person: finalName(mention.person) };
}

/**
 * A word that can only be someone's given name here: listed as one, never written in lower case, and no one's
 * surname or first given name in the document ("Joe said" in a story about Joe Biden is him).
 */
function isFirstNameOnly(word: string, people: ReadonlyMap<string, Draft>, lowerCaseWords: ReadonlySet<string>): boolean {
  if (!/^\p{Lu}\p{Ll}+$/u.test(word) || !isGivenName(word) || lowerCaseWords.has(word.toLowerCase()) || isCountryName(word)) return false;
  for (const name of people.keys()) {
    const words = name.split(' ');
    if (words[0] === word || words[words.length - 1] === word) return false;
  }
  return true;
}

/** Capitalized words that open places' names: "New Jersey", "San Diego", "Fort Worth". */
const PLACE_PREFIXES = new Set(['New', 'San', 'Santa', 'Los', 'Las', 'Fort', 'Port', 'Mount', 'Lake', 'Cape', 'Puerto']);

/** Maximal runs of name-like tokens joined by plain spaces ("Antony J. Blinken", "Le Yucheng"). */
function nameRuns(tokens: Token[]): NameRun[] {
  const runs: NameRun[] = [];
  let i = 0;
  while (i < tokens.length) {
    if (!isNameToken(tokens[i]) && !isGivenNameNoun(tokens, i) || isInitial(tokens[i].text) && !(tokens[i + 1] && isNameToken(tokens[i + 1]))) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < tokens.length && isSpaceGap(tokens[j].gap) && j - i < 5 && !/['’]s$/.test(tokens[j - 1].text)) {
      if (isNameToken(tokens[j]) || SUFFIXES.has(tokens[j].lower) || endsWithTitleSurname(tokens, i, j)) {
        j++;
        continue;
      }
      // One or two particles before the next name word: "Chris van Hollen", "Ursula von der Leyen".
      let name = j;
      while (name < j + 2 && name < tokens.length && PARTICLES.has(tokens[name].text) && isSpaceGap(tokens[name].gap)) name++;
      if (name > j && tokens[name] && isNameToken(tokens[name]) && isSpaceGap(tokens[name].gap)) j = name + 1;
      else break;
    }
    // "the Baltic Grain Exporters Union", "the Lindqvist Centre": capitalized words before an organisation's
    // head name the organisation, not a person.
    const next = tokens[j];
    const organisation = (next && isSpaceGap(next.gap) && isCapitalized(next.text) && (ORGANISATION_TAILS.has(next.lower) || PLACE_TAILS.has(next.lower))) || ORGANISATION_TAILS.has(tokens[j - 1].lower) || PLACE_TAILS.has(tokens[j - 1].lower);
    // "the Association of Harbour Cities", "the University of Southern Tennessee": a short run after an
    // organisation's head and "of" ends the organisation's name (a longer one may end with a person's:
    // "President of the University of Chicago Ana Ruiz").
    const ofOrganisation = j - i <= 2 && i >= 2 && tokens[i - 1].lower === 'of' && isCapitalized(tokens[i - 2].text) && (ORGANISATION_TAILS.has(tokens[i - 2].lower) || ORGANISATION_HEADS.has(tokens[i - 2].lower));
    // "So I’m", "They’re Madeleine", "I’m Jill Biden’s": a pronoun with its verb opens no name, and the words
    // after it are left alone (a self-introduction is no evidence of who else the document names).
    const contracted = tokens.slice(i, j).some(token => CONTRACTED_VERB.test(token.text));
    // "Chief Diversity Officer", "Chief Harbour Officer": a word between a title word and an office is the
    // office's field, not a person.
    // Only offices no one has as a surname (not "King", "Bishop", "Dean"), and not after a possessive
    // ("President Clinton’s Director").
    const insideOffice = i > 0 && isCapitalized(tokens[i - 1].text) && isRoleWord(tokens[i - 1]) && isSpaceGap(tokens[i].gap)
      && !!tokens[j] && OFFICE_ENDS.test(tokens[j].text) && isSpaceGap(tokens[j].gap) && !/['’]s$/.test(tokens[j - 1].text);
    // "New Jersey", "Los Angeles", "Fort Worth": the first word of a place's name is no name word, so the rest
    // would stand alone as one.
    const placeTail = i > 0 && isSpaceGap(tokens[i].gap) && PLACE_PREFIXES.has(tokens[i - 1].text);
    if (!organisation && !ofOrganisation && !contracted && !insideOffice && !placeTail) runs.push({ first: i, last: j });
    i = j;
  }
  return runs;
}

/**
 * "Ambassador at Large for International Religious Freedom Rashad Hussain": a long run right after "for/of/to"
 * is the object of the role with the name at its end; the name is its last two tokens (three with an initial
 * or a particle).
 */
function trimRoleObject(tokens: Token[], run: NameRun): NameRun {
  const length = run.last - run.first;
  if (length < 3 || run.first === 0 || !/^(?:for|of|to|at|on)$/.test(tokens[run.first - 1].lower)) return run;
  // "justice to Osama bin Laden": a lower-case particle keeps the given name before it.
  const keep = isInitial(tokens[run.last - 2].text) || PARTICLES.has(tokens[run.last - 2].text) ? 3 : 2;
  return keep >= length ? run : { first: run.last - keep, last: run.last };
}

/**
 * Words that end a role phrase read backwards, capitalised or not: "Since President Biden took office",
 * "Statement From President Biden", "a town hall with Vice President Harris" give the office alone.
 */
const ROLE_PHRASE_STOPS = new Set(['jr.', 'sr.', 'or', 'nor', 'since', 'while', 'when', 'whenever', 'after', 'before', 'because', 'although', 'though', 'if', 'unless', 'until', 'once', 'where', 'but', 'yet', 'so', 'then', 'also', 'from', 'with', 'as', 'by', 'like', 'than']);

/** Words that open a clause inside what follows a name: an appositive role ends before them (lower case: "Theresa May" is a name). */
const CLAUSE_WORDS = new Set(['is', 'are', 'was', 'were', 'has', 'have', 'had', 'will', 'would', 'can', 'could', 'should', 'may', 'might', 'must', 'does', 'did', 'who', 'which', 'that']);

/**
 * The role phrase right before a name ("U.S. Secretary of State", "State Councilor and Foreign Minister",
 * "China's new ambassador to the U.S."): role words, connectors and the capitalized objects of "of/to/for".
 */
function roleBefore(tokens: Token[], nameStart: number, text: string): { role: string; start: number } | undefined {
  let first = nameStart;
  for (let k = nameStart - 1; k >= 0 && nameStart - k <= 14; k--) {
    if (!isSpaceGap(tokens[k + 1].gap)) break;
    const token = tokens[k];
    if (ROLE_PHRASE_STOPS.has(token.lower)) break;
    const possessivePlace = /['’]s$/.test(token.text) && NON_PERSON_WORDS.has(token.lower.replace(/['’]s$/, ''));
    if (isRoleWord(token) || NON_PERSON_WORDS.has(token.lower) && isCapitalized(token.text) || possessivePlace || isCapitalized(token.text) && k > 0 && CONNECTORS.has(tokens[k - 1].lower)) {
      first = k;
      continue;
    }
    break;
  }
  // "Ukraine and Vice President", "the Journal for President": words joined before an office that hold no
  // office themselves are not part of it ("State Councilor and Foreign Minister" keeps both).
  const holdsOffice = (token: Token) => !/['’]s$/.test(token.text) && (isRoleHead(token) || ROLE_MODIFIERS.has(token.lower) && !CONNECTORS.has(token.lower) && !/^(?:a|an)$/.test(token.lower));
  for (let m = first, office = false; m < nameStart; m++) {
    // Cut only where an office follows ("Ukraine and Vice President"), not inside an organisation's name
    // ("Office of Management and Budget Director"). "The White House’s and President X’s plan": a possessive
    // before "and" owns something else.
    const officeAfter = m + 1 < nameStart && holdsOffice(tokens[m + 1]);
    if (m > first && /^(?:and|for|to|&)$/.test(tokens[m].lower) && officeAfter && (!office || /['’]s$/.test(tokens[m - 1].text))) first = m + 1;
    else if (holdsOffice(tokens[m])) office = true;
  }
  // Trim to a phrase that starts with a title word and contains a head ("the", "and" cannot start it).
  while (first < nameStart && (CONNECTORS.has(tokens[first].lower) || /^(?:new|a|an)$/i.test(tokens[first].text))) first++;
  if (first >= nameStart) return undefined;
  const phrase = tokens.slice(first, nameStart);
  if (!phrase.some(isRoleHead)) return undefined;
  if (CONNECTORS.has(phrase[phrase.length - 1].lower)) return undefined;
  return { role: text.slice(tokens[first].start, tokens[nameStart - 1].end), start: tokens[first].start };
}

/** An appositive role after a name: "Yang Tao, director-general of the department of ... at the Foreign Ministry". */
function roleAfter(tokens: Token[], nameEnd: number, text: string): string | undefined {
  const next = tokens[nameEnd];
  if (!next || !/^\s*,\s*$/.test(next.gap)) return undefined;
  // "Biden, but President Trump is …": a clause, not an apposition.
  if (ROLE_PHRASE_STOPS.has(next.lower) || next.lower === 'and' || next.lower === 'or') return undefined;
  let k = nameEnd;
  // The office closes the apposition: "X, the chief, said", "X, the police chief, said". Only then is
  // "chief" the head rather than a modifier ("the chief economist"), and a plain noun before it part of the
  // office ("police"); adjectives and longer phrases ("the worst president in …") are no office.
  const closesAt = (at: number) => tokens[at + 1] === undefined || /[,;]|[.!?]\s/.test(tokens[at + 1].gap);
  const nounBeforeHead = (at: number) => /^\p{Ll}+$/u.test(tokens[at].text) && !isRoleHead(tokens[at]) && (/^(?:the|a|an)$/i.test(tokens[at - 1]?.text ?? '') || ROLE_MODIFIERS.has(tokens[at - 1]?.lower ?? '')) && tokens[at + 1] !== undefined && isSpaceGap(tokens[at + 1].gap) && isRoleHead(tokens[at + 1]) && closesAt(at + 1);
  const modifies = (at: number) => ROLE_MODIFIERS.has(tokens[at].lower) && !(isRoleHead(tokens[at]) && closesAt(at));
  // The apposition stays in its sentence: "Sheriff Dan Webb, Tom Ruiz. Chief, stand up." gives no office.
  const inSentence = (at: number) => at === nameEnd || !/[.!?]\s|\n/.test(tokens[at].gap);
  while (k < tokens.length && k - nameEnd < 4 && inSentence(k) && (/^(?:the|a|an)$/i.test(tokens[k].text) || modifies(k) || /['’]s$/.test(tokens[k].text) || NON_PERSON_WORDS.has(tokens[k].lower) || isCapitalized(tokens[k].text) && !isRoleHead(tokens[k]) || nounBeforeHead(k))) k++;
  if (k >= tokens.length || !inSentence(k) || !isRoleHead(tokens[k])) return undefined;
  // "Lund, the ambassador said": a new clause's subject. "Lund, the ambassador, said" is an apposition.
  if (tokens[k + 1] && isSpaceGap(tokens[k + 1].gap) && REPORTING_VERB_SET.has(tokens[k + 1].lower)) return undefined;
  let end = k;
  while (end + 1 < tokens.length && end - nameEnd < 24 && !/[,;:()"“”]|[.!?]\s/.test(tokens[end + 1].gap) && !/\n\s*\n/.test(tokens[end + 1].gap)) end++;
  // A role ends before the verb of the clause ("..., the ambassador, said"; "..., the envoy who is …").
  for (let m = k + 1; m <= end; m++) if (REPORTING_VERB_SET.has(tokens[m].lower) || CLAUSE_WORDS.has(tokens[m].text)) { end = m - 1; break; }
  return text.slice(tokens[nameEnd].start, tokens[end].end).replace(/\s+/g, ' ');
}

/**
 * Lower-case nouns that describe a person right before the name: "the jailed businessman Jimmy Lai",
 * "activist Joshua Wong". Words for people end in -man/-woman/-ist/-ian or are common occupations.
 */
export const DESCRIBING_NOUN = /^(?:\p{Ll}+(?:man|woman|ist|ian)|businessperson|candidate|lawyer|attorney|farmer|dissident|tycoon|billionaire|entrepreneur|author|writer|student|scholar|singer|actor|actress|rapper|artist|athlete|player|coach|pastor|priest|teacher|nurse|doctor|veteran|soldier|officer|worker|owner|founder|lawmaker|leader|mother|father|son|daughter|wife|husband|brother|sister|uncle|aunt|cousin|grandmother|grandfather|parent|neighbor|neighbour|friend|nominee|challenger|incumbent|donor|investor|executive|filmmaker|producer|director|host|anchor|columnist|blogger|commentator|analyst|strategist|pollster|researcher|scientist|economist)$/u;

/** An appositive that describes a person: "Chad Smith, a farmer in Alabama", "X, a doctoral candidate at …". */
function describedAfter(tokens: Token[], run: NameRun, text: string): string | undefined {
  const nameEnd = run.last;
  const article = tokens[nameEnd];
  if (!article || !/^\s*,\s*$/.test(article.gap)) return undefined;
  // "Jo-Renee Lind, political science professor at Harbor College, said": news drop the article when a comma closes
  // the phrase; then only after a given name ("Santa Clara, county seat of …" is a place).
  const bare = !/^(?:a|an)$/.test(article.text);
  if (bare && !isGivenNameWord(tokens[run.first].text)) return undefined;
  const first = bare ? nameEnd : nameEnd + 1;
  let end = first;
  while (end < tokens.length && end - nameEnd < 10 && (end === first || !/[,;:()"“”]|[.!?]\s/.test(tokens[end].gap))) end++;
  if (bare && (end >= tokens.length || !/^\s*,\s*$/.test(tokens[end].gap) || tokens.slice(first, end).some(word => REPORTING_VERB_SET.has(word.lower) || CLAUSE_WORDS.has(word.text)))) return undefined;
  const words = tokens.slice(first, end);
  // "a farmer", "a doctoral candidate at Yale": a noun phrase whose first words are lower case.
  if (words.length === 0 || !startsLowerCase(words[0].text) || !words.some(word => DESCRIBING_NOUN.test(word.text) || ROLE_HEADS.has(word.lower))) return undefined;
  return text.slice(tokens[bare ? first : nameEnd].start, tokens[end - 1].end).replace(/\s+/g, ' ');
}

/** What the short titles before a name are called in a description: "Sen. Ruth Abernathy" is "the senator". */
const TITLE_NOUNS: Record<string, readonly string[]> = {
  'sen.': ['senator', 'lawmaker'],
  'rep.': ['representative', 'congressman', 'congresswoman', 'lawmaker'],
  'gov.': ['governor'],
  'gen.': ['general'],
  'adm.': ['admiral'],
  'col.': ['colonel'],
  'lt.': ['lieutenant'],
  'capt.': ['captain'],
  'sgt.': ['sergeant'],
  'maj.': ['major'],
  'rev.': ['reverend'],
  'prof.': ['professor'],
  'sec.': ['secretary'],
  'amb.': ['ambassador'],
  'senator': ['lawmaker'],
  'congressman': ['lawmaker', 'representative'],
  'congresswoman': ['lawmaker', 'representative'],
};
const ROLE_NOUNS_OF_TITLES = new Set(Object.values(TITLE_NOUNS).flat());

/** Whether a role as written ("Sen.", "Trade Minister") fits the head noun of a description ("senator", "minister"). */
function holds(role: string, head: string): boolean {
  // "son of the president", "aide to the mayor": the office after "of" or "to" is someone else's.
  const lower = role.toLowerCase().replace(/(?<=\S)\s+(?:of|to|for|at|in|with|from|under)\s.*$/, '');
  return lower.includes(head) || lower.split(/\s+/).some(word => TITLE_NOUNS[word]?.includes(head));
}

/**
 * The token after an affiliation that follows a name ("Ana Ruiz of the Harbor Institute said", "Lee at the
 * Daily Courier agreed"): past the preposition and the capitalized words, or `i` when none follows.
 */
function pastAffiliation(tokens: readonly Token[], i: number): number {
  if (!/^(?:of|at|from)$/.test(tokens[i]?.lower ?? '') || !isSpaceGap(tokens[i].gap)) return i;
  let k = i + 1;
  if (tokens[k]?.lower === 'the') k++;
  const first = k;
  while (k < tokens.length && k - first < 5 && /^\p{Lu}/u.test(tokens[k].text) && isSpaceGap(tokens[k].gap)) k++;
  return k > first && k < tokens.length && isSpaceGap(tokens[k].gap) ? k : i;
}

/**
 * "The economy minister, Mr. Ostos, argues …", "Her deputy at the port authority, Ana Ruiz, called him …": a name
 * set off by commas after the description that opens its clause, so the verb after the second comma is its.
 */
function namesItsDescription(tokens: readonly Token[], run: NameRun): boolean {
  // "Mr." or a title before the name stands inside the commas with it.
  let first = run.first;
  while (first > 0 && run.first - first < 3 && isSpaceGap(tokens[first].gap) && /^\p{Lu}/u.test(tokens[first - 1].text)) first--;
  if (first === 0 || !/^\s*,\s*$/.test(tokens[first].gap) || !/^\s*,\s*$/.test(tokens[run.last]?.gap ?? '')) return false;
  let start = first - 1;
  while (start > 0 && first - start < 10 && !/[,.;:!?()"“”—–]/.test(tokens[start].gap)) start--;
  if (start > 0 && !/[.;:!?]/.test(tokens[start].gap)) return false;
  return /^(?:the|a|an|his|her|their|its|our)$/.test(tokens[start].lower) && first - start >= 2;
}

/** True when the run is the subject or object of a reporting cue ("Qin said", "said Yang", "according to Le"). */
function isSpeakingRun(tokens: Token[], run: NameRun): boolean {
  const verbAt = pastAffiliation(tokens, run.last);
  const after = tokens[verbAt];
  if (after && (isSpaceGap(after.gap) || namesItsDescription(tokens, run)) && (verbLengthAt(tokens, verbAt) > 0 || /^(?:also|further|then|later|once)$/.test(after.lower) && verbLengthAt(tokens, verbAt + 1) > 0)) return true;
  const before = tokens[run.first - 1];
  // "said Yang" speaks; "Lund said Vidal’s compromise …" does not make Vidal speak.
  const possessive = /['’]s$/.test(tokens[run.last - 1].text);
  if (before && !possessive && isSpaceGap(tokens[run.first].gap) && /^(?:said|says|added|told|noted|stressed|asked|wrote)$/.test(before.lower)) return true;
  return before?.lower === 'to' && tokens[run.first - 2]?.lower === 'according';
}


/**
 * True when a lower-case word that is not a preposition or conjunction follows the name, past an appositive
 * between commas: "Scott responded", "Mira Castell, a senator, asked", unlike "a hall named after Solheim in 1952".
 */
function isSubjectRun(tokens: Token[], run: NameRun): boolean {
  // "Sand’s export worries": a possessive names the owner, not the one who acts.
  if (/['’]s$/.test(tokens[run.last - 1].text)) return false;
  // "the likely coalition pick Weller", "the Lindholm cabinet": a name inside a noun phrase.
  const before = tokens[run.first - 1], twoBefore = tokens[run.first - 2];
  if (before && isSpaceGap(tokens[run.first].gap) && (DETERMINERS.has(before.lower) || (startsLowerCase(before.text) && isSpaceGap(before.gap) && twoBefore && DETERMINERS.has(twoBefore.lower)))) return false;
  const described = namesItsDescription(tokens, run);
  if (described && startsLowerCase(tokens[run.last].text) && !FUNCTION_WORDS.has(tokens[run.last].lower)) return true;
  let next = pastAffiliation(tokens, run.last);
  // "Sen. Ruth Abernathy (D-Ore.) scolded him": the party and state stand between the name and its verb.
  if (tokens[next] && /^\s*\(\s*$/.test(tokens[next].gap)) {
    const close = tokens.findIndex((t, k) => k > next && k <= next + 6 && t.gap.includes(')'));
    if (close !== -1) next = close;
    if (close !== -1 && /\)\s+$/.test(tokens[next].gap)) {
      const word = tokens[next];
      return startsLowerCase(word.text) && !FUNCTION_WORDS.has(word.lower);
    }
  }
  if (tokens[next] && /^\s*,\s*$/.test(tokens[next].gap)) {
    let close = next + 1;
    while (close < tokens.length && close - next < 12 && !/,/.test(tokens[close].gap)) {
      if (/[.!?;:]/.test(tokens[close].gap)) return false;
      close++;
    }
    next = close;
  }
  const word = tokens[next];
  return !!word && /^\s*(?:,\s*)?$/.test(word.gap) && startsLowerCase(word.text) && !FUNCTION_WORDS.has(word.lower) && !(next === run.last && NOUNS_AFTER_NAMES.has(word.lower));
}


const positionOf = (tokens: Token[], run: NameRun) => ({ speaking: isSpeakingRun(tokens, run), subject: isSubjectRun(tokens, run) });

/** The name a run spells, without a trailing possessive ("Blinken’s" → "Blinken"). */
function runName(text: string, tokens: Token[], run: NameRun): { name: string; span: Span } {
  const last = tokens[run.last - 1];
  const end = /['’]s$/.test(last.text) ? last.end - 2 : last.end;
  const start = tokens[run.first].start;
  return { name: text.slice(start, end).replace(/\s+/g, ' '), span: { start, end } };
}

/** "As UN Secretary-General" → "UN Secretary-General"; an honorific alone ("As Comrade") is no role. */
function cleanRole(role: string): string {
  const cleaned = role.replace(/^(?:as\s+)?(?:the|a|an|new)\s+|^as\s+/i, '').replace(/\s+/g, ' ').trim();
  return HONORIFICS.has(cleaned.toLowerCase()) ? '' : cleaned;
}

interface Draft {
  name: string;
  roles: string[];
  aliases: Set<string>;
  mentions: Span[];
  introduction?: Span;
}

/**
 * Finds the people a document names. A capitalized run counts as a person when the text gives evidence: an
 * office before it, an honorific, an appositive role after it, or a reporting cue. Surnames and title +
 * surname forms are then resolved to the full names found in the same document.
 */
export function findPeople(text: string, paragraphs: readonly Span[], { titles = [] as readonly Span[] } = {}): PeopleInDocument {
  const people = new Map<string, Draft>();
  const mentions: Mention[] = [];
  const tokenized = paragraphs.map(p => tokenize(text, p.start, p.end));

  const add = (name: string, span: Span, role: string | undefined, { speaking, subject }: { speaking: boolean; subject: boolean }, roleStart?: number) => {
    let person = people.get(name);
    if (!person) people.set(name, (person = { name, roles: [], aliases: new Set(), mentions: [] }));
    person.mentions.push(span);
    if (role) {
      const cleaned = cleanRole(role);
      if (cleaned && !person.roles.some(r => r.toLowerCase() === cleaned.toLowerCase())) person.roles.push(cleaned);
      // The introduction covers the role with the name: "U.S. Secretary of State Antony Blinken".
      person.introduction ??= { start: Math.min(roleStart ?? span.start, span.start), end: span.end };
    }
    mentions.push({ person: name, span, role, speaking, subject });
  };

  // Words the document also writes in lower case are everyday words here ("Happy Pride", "Park Police").
  const lowerCaseWords = new Set<string>();
  for (const tokens of tokenized) for (const token of tokens) if (startsLowerCase(token.text)) lowerCaseWords.add(token.lower);
  // Pass 1: full names with evidence.
  const runsByParagraph = tokenized.map(tokens => nameRuns(tokens).map(run => trimRoleObject(tokens, run)));
  // One word as the subject of a reporting verb, read once for two uses. A surname used alone ("Kastelic said")
  // is evidence for "Ruben Kastelic" ("Egypt committed to …" is a country speaking: no evidence for
  // "Accelerating Egypt’s Clean Energy Economy"). A given name that speaks more than once is a person named by
  // it alone, in pass 2 ("Pratt & Whitney announced" is a company's name).
  const speakingSurnames = new Set<string>();
  const speakingFirstNames = new Map<string, number>();
  tokenized.forEach((tokens, p) => {
    for (const run of runsByParagraph[p]) {
      if (run.last - run.first !== 1 || !isSpeakingRun(tokens, run)) continue;
      const word = tokens[run.first].text;
      if (!isCountryName(word)) speakingSurnames.add(word);
      if (!(run.first > 0 && /&/.test(tokens[run.first].gap))) speakingFirstNames.set(word, (speakingFirstNames.get(word) ?? 0) + 1);
    }
  });
  tokenized.forEach((tokens, p) => {
    for (const run of runsByParagraph[p]) {
      const length = run.last - run.first;
      if (length < 2) continue;
      const { name, span } = runName(text, tokens, run);
      const before = roleBefore(tokens, run.first, text);
      const honorific = run.first > 0 && HONORIFICS.has(tokens[run.first - 1].lower);
      const after = roleAfter(tokens, run.last, text) ?? describedAfter(tokens, run, text);
      const position = positionOf(tokens, run);
      // "Gecko Drilling committed $50 million": announcing is evidence of a person only with a given name.
      const speaking = position.speaking && !(ANNOUNCING_VERBS.test(tokens[run.last]?.lower ?? '') && !isGivenNameWord(tokens[run.first].text));
      const described = run.first > 0 && isSpaceGap(tokens[run.first].gap) && DESCRIBING_NOUN.test(tokens[run.first - 1].text);
      const surnameSpeaks = length <= 3 && speakingSurnames.has(tokens[run.last - 1].text.replace(/['’]s$/, '')) && looksLikePersonName(tokens.slice(run.first, run.last));
      // "Rosalind Tervo stood up": a listed given name before a surname, when nothing else introduces her.
      // A title capitalizes every word ("Statement on the Maui Wildfires"): a given name there proves nothing.
      const givenNamed = !titles.some(title => title.start === paragraphs[p].start) && length <= 3 && isGivenName(tokens[run.first].text) && looksLikePersonName(tokens.slice(run.first, run.last))
        && !lowerCaseWords.has(tokens[run.first].lower) && !lowerCaseWords.has(tokens[run.last - 1].lower);
      if (!before && !honorific && !after && !speaking && !described && !surnameSpeaks && !givenNamed && !people.has(name)) continue;
      const role = before && !HONORIFICS.has(before.role.toLowerCase()) ? before.role : after ?? (described ? tokens[run.first - 1].text : undefined);
      add(name, span, role && !/^(?:former|late)\b/i.test(role) ? role.replace(/^late\s+/i, '') : undefined, position, role === before?.role ? before?.start : undefined);
    }
  });

  mergeFullerForms(people, mentions);

  // Index full names and surnames found so far.
  const bySurname = new Map<string, string[]>();
  for (const name of people.keys()) {
    const surname = surnameOf(name);
    bySurname.set(surname, [...(bySurname.get(surname) ?? []), name]);
  }
  const uniqueBySurname = (surname: string) => {
    const names = bySurname.get(surname);
    return names && names.length === 1 ? names[0] : undefined;
  };

  // Two people share a surname ("Anders Hovland", "Nils Hovland"): a bare "Hovland" is the one the document names in full
  // most (news call the others by their given name), the one named last when that is even.
  const fullMentionCounts = new Map<string, number>();
  for (const mention of mentions) fullMentionCounts.set(mention.person, (fullMentionCounts.get(mention.person) ?? 0) + 1);
  const fullMentions = [...mentions];
  const latestBySurname = (surname: string, offset: number) => {
    const names = bySurname.get(surname);
    if (!names) return undefined;
    const most = Math.max(...names.map(name => fullMentionCounts.get(name) ?? 0));
    const leading = names.filter(name => fullMentionCounts.get(name) === most);
    if (leading.length === 1) return leading[0];
    // Full mentions are in text order: walk back from the offset to the nearest one of these names.
    for (let i = firstAfter(fullMentions, offset - 1) - 1; i >= 0; i--) if (leading.includes(fullMentions[i].person)) return fullMentions[i].person;
    return undefined;
  };

  // Pass 2: later mentions of known names and surname aliases, and title + surname forms.
  // "“I would,” Melanie said": a feature's subject named by her given name alone, who speaks more than once.
  const firstNamed = new Set<string>();
  const fullMentionStarts = new Set(mentions.map(m => m.span.start));
  tokenized.forEach((tokens, p) => {
    for (const run of runsByParagraph[p]) {
      const { name, span } = runName(text, tokens, run);
      if (fullMentionStarts.has(span.start)) continue;
      if (people.has(name)) {
        add(name, span, roleBefore(tokens, run.first, text)?.role, positionOf(tokens, run));
        continue;
      }
      if (run.last - run.first !== 1) continue;
      const before = roleBefore(tokens, run.first, text);
      const known = uniqueBySurname(name) ?? latestBySurname(name, span.start);
      if (known) {
        if (before) people.get(known)!.aliases.add(`${tokens[run.first - 1].text} ${name}`);
        else people.get(known)!.aliases.add(name);
        add(known, before ? { start: before.start, end: span.end } : span, undefined, positionOf(tokens, run));
      } else if (before && !bySurname.has(name) && titleRightBefore(tokens, run.first) && !SUFFIXES.has(name.toLowerCase())) {
        // "President Biden" with no full name in this document: the surname is the best name the text gives.
        // Not the last word of an office's name: "Chairman of the Joint Chiefs", "Office of Public Engagement".
        add(name, span, before.role, positionOf(tokens, run));
        people.get(name)!.aliases.add(`${tokens[run.first - 1].text} ${name}`);
        bySurname.set(name, [name]);
      } else if (!before && (speakingFirstNames.get(name) ?? 0) >= 2 && isSpeakingRun(tokens, run) && isFirstNameOnly(name, people, lowerCaseWords)) {
        add(name, span, undefined, positionOf(tokens, run));
        bySurname.set(name, [name]);
        firstNamed.add(name);
      }
    }
  });
  mentions.sort((a, b) => a.span.start - b.span.start);

  const resolve = (phrase: string): string | undefined => {
    const words = phrase.replace(/[’]/g, "'").trim().split(/\s+/).map(w => (/^[A-Z.'-]+$/.test(w) && w.length > 1 ? w[0] + w.slice(1).toLowerCase() : w));
    const normalized = words.join(' ');
    if (people.has(normalized)) return normalized;
    for (const person of people.values()) if (person.aliases.has(normalized)) return person.name;
    // Drop titles from the front: "Secretary Blinken" → "Blinken", "Foreign Minister Qin Gang" → "Qin Gang".
    // Past the titles, dropping a given name needs one the person's agrees with: "First Lady Jill Biden" is
    // not the document's Joe Biden, "President Joseph R. Biden" is.
    // Only a listed given name counts: a misspelt title in a transcript label ("SECREATRY MAYORKAS"), a
    // particle ("Le Drian") or an unlisted title ("Coach Reid") is dropped as before.
    const given = words.findIndex(word => !isTitleWord(word) && isGivenName(word));
    for (let i = 1; i < words.length; i++) {
      const rest = words.slice(i).join(' ');
      const found = people.has(rest) ? rest : i === words.length - 1 ? uniqueBySurname(rest) : undefined;
      if (found && (given === -1 || i <= given || sameGivenNames(words.slice(given).join(' '), found))) return found;
      if (i === words.length - 1) return undefined;
    }
    return words.length === 1 ? uniqueBySurname(normalized) : undefined;
  };

  const resolveByRole = (description: string): string | undefined => {
    const nouns = description.toLowerCase().replace(/^the\s+/, '').split(/\s+/).filter(w => ROLE_HEADS.has(w) || ROLE_NOUNS_OF_TITLES.has(w) || w.split('-').some(part => ROLE_HEADS.has(part)));
    if (nouns.length === 0) return undefined;
    const head = nouns[nouns.length - 1];
    const matching = [...people.values()].filter(person => person.roles.some(role => holds(role, head)));
    if (matching.length <= 1) return matching[0]?.name;
    // "the president" in a story about one president that names others in passing: the one it names most, when
    // it names him at least twice as often as any other.
    const [first, second] = matching.sort((a, b) => b.mentions.length - a.mentions.length);
    return first.mentions.length >= 2 * second.mentions.length ? first.name : undefined;
  };

  const genders = gendersOf(text, mentions, people, firstNamed);
  // The quotation rules read the same paragraphs sentence by sentence: they cut their tokens from these.
  const tokensByStart = new Map<number, { end: number; tokens: Token[] }>();
  paragraphs.forEach((paragraph, p) => tokensByStart.set(paragraph.start, { end: paragraph.end, tokens: tokenized[p] }));
  return {
    people: [...people.values()].map(p => ({ name: p.name, roles: p.roles.map(title => ({ title, date: null })), aliases: [...p.aliases].filter(a => a !== p.name), mentions: p.mentions.sort((a, b) => a.start - b.start), introduction: p.introduction })),
    mentions,
    resolve,
    resolveByRole,
    genderOf: name => genders.get(name),
    writesInLowerCase: word => lowerCaseWords.has(word.toLowerCase()),
    tokensOf: (of, paragraph) => {
      const found = of === text ? tokensByStart.get(paragraph.start) : undefined;
      return found && found.end === paragraph.end ? found.tokens : undefined;
    },
  };
}
