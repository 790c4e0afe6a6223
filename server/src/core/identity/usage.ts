/**
 * How a document's sentences use a name: as a person's ("Dora Keel said", "his aunt Dora Keel", "Dora Keel,
 * who …") or as the name of a place, a law or a company ("in Port Avel", "the Dora Keel Act", "Avel Mae and
 * Company"). Words next to each mention decide; the corpus then weighs the documents (notPerson.ts).
 */
import { ORGANISATION_TAILS, PLACE_TAILS } from '../understand/lexicon';
import type { Span } from '../model';

export type Usage = 'person' | 'thing' | 'none';

/** Words after a name that make it the name of something else: "the X Act", "X University", "the X era". */
const THING_HEADS = new Set([...ORGANISATION_TAILS, ...PLACE_TAILS, ...`act acts bill law laws era degree degrees region
  program programme prize award awards scholarship fellowship company inc inc. corp corp. co co. llc ltd ltd. plc
  health healthcare pharmaceuticals system systems campus facility plant room rooms dining ceo ceos mortgage mortgages
  loan loans financing dose doses vaccine vaccines shares stock employees workers executives products brand factory
  factories headquarters`.split(/\s+/)]);
/** "the CEO of X", "workers at X": X is a company's name. */
const THING_OWNERS = new Set(['ceo', 'ceos', 'employees', 'workers', 'shareholders', 'headquarters', 'subsidiary', 'executives', 'founder', 'founders', 'board']);
/**
 * What an apposition says a name is: "X, a Canadian recycling company", "X, the kids' bicycle brand". People
 * are "X, a Democrat from Ohio"; these nouns name no person.
 */
/** "X will expand its …", "X [announced](…) its …": a company's pronoun soon after its name. */
const ITS_AFTER = /^\**\s*(?:\[[^\]]*\]\([^)]*\)|\p{Ll}+)(?:\s+\p{Ll}+){0,2}\s+its\b/u;
/**
 * "X and Y financing", "the X and Policy Center": a head noun after two names joined, or an organisation's
 * last word among the second, makes both things' names.
 */
const JOINED_HEAD = /^\**\s+(?:and|or|&)\s+((?:\**\p{Lu}[\p{L}.'’-]*\**\s+){1,3})(\p{Ll}+)/u;
/**
 * "X (the Enterprises)", "X (the “Quad”)": a defined term, as agreements and fact sheets name an institution.
 * People get an office or a state there ("(Chair)", "(D-Ohio)"), not "the".
 */
const DEFINED_TERM = /^\s*\(\s*[“"]?the\s+[“"]?\p{Lu}/u;
/**
 * "[Acme Steel](https://www.acmesteel.com/…)", "Acme Steel [stated](https://acmesteel.com/…)": a name linked to a
 * site named after it is an organisation's. Not a .gov site: members of Congress have "surname.house.gov".
 */
const LINK_HOST = /\]\(https?:\/\/(?:www\.)?([a-z0-9-]+)\.(?:com|org|net|co|io|biz)\b/i;
const linksToItsOwnSite = (text: string, start: number, end: number) => {
  const host = LINK_HOST.exec(text.slice(end, end + 60))?.[1];
  return host !== undefined && host.toLowerCase() === text.slice(start, end).toLowerCase().replace(/[^a-z0-9]/g, '');
};
/** "X, Inc.": a company's suffix after a comma. */
const COMPANY_SUFFIX = /^\**,\s*(?:inc|llc|corp|ltd|plc|l\.l\.c)\b/i;
const THING_APPOSITION = /^[\s*_\]]*,\s+(?:a|an|the)\s+(?:[\p{L}’'-]+\s+){0,5}?(?:company|companies|firm|brand|maker|manufacturer|producer|supplier|retailer|startup|start-up|corporation|conglomerate|nonprofit|non-profit|organization|organisation|city|town|village|neighborhood|neighbourhood|region|province|district|community)\b/iu;
/**
 * "X, one of the world’s biggest drug companies": one of many firms. Not "one of the largest producers of
 * fentanyl", which the corpus says of people.
 */
const ONE_OF_THE_FIRMS = /^[\s*_\]]*,\s+one of\s+(?:[\p{L}’'-]+\s+){0,5}?(?:compan(?:y|ies)|firms?|brands?|makers?|manufacturers?|corporations?|conglomerates?|organi[sz]ations?)\b/iu;
/**
 * Words before a name that make it a place or a thing: "in X", "at X". People are rarely met so. Not "the X":
 * "the X interview" names a person, and "the X Act" is told by the word after.
 */
const THING_BEFORE = new Set(['in', 'at', 'into', 'inside', 'outside', 'near', 'across', 'throughout', 'provider', 'company', 'firm', 'drugmaker', 'automaker', 'insurer', 'retailer', 'manufacturer', 'lender', 'startup']);
/** Words before a name that make it a person: "his aunt X", "a man named X". */
const PERSON_BEFORE = new Set(`father mother wife husband son daughter brother sister grandfather grandmother grandson
  granddaughter uncle aunt nephew niece cousin friend friends colleague colleagues man woman boy girl named late dear
  fellow mom dad widow widower partner fiancé fiancée`.split(/\s+/));
/**
 * Words after a name that make it a person: "X said", "X, who", "X himself", "the X administration". Not
 * "announced" or "reported": companies do that too.
 */
const PERSON_AFTER = new Set(`who whose himself herself he she said says told tells recalled recalls wrote writes asked asks
  replied argued insisted explained laughed smiled joked testified died born lived grew administration campaign regime
  presidency`.split(/\s+/));
/** Nouns that only a person has: "X’s family", "the murder of X". */
const PERSON_NOUNS = new Set(`family families wife husband son sons daughter daughters mother father parents children kids
  brother sister grandmother grandfather widow widower life death murder murders killing killings funeral memory legacy
  birthday grave honor honour name spirit courage sacrifice release detention imprisonment arrest`.split(/\s+/));
/** Nouns that only a company or an institution has: "X’s CEO", "X’s shares". */
const THING_NOUNS = new Set(['ceo', 'ceos', 'shares', 'stock', 'employees', 'headquarters', 'campus', 'plant', 'plants', 'factory', 'facilities', 'products', 'customers', 'subsidiary']);
/** Mentions read per document: enough to see how a document uses a name, bounded for long transcripts. */
const MENTIONS_READ = 12;

/**
 * Where a document writes a name: its mentions that are the name itself (a speaker's mention spans the words
 * they say, and some list items' spans are off), or else the first places the name is written.
 */
export function placesOf(text: string, name: string, mentions: readonly Span[]): Span[] {
  const surname = name.split(/\s+/).pop()!.replace(/[’']s$/, '');
  const places = mentions.filter(({ start, end }) => end - start <= name.length + 30 && text.slice(start, end).includes(surname)).slice(0, MENTIONS_READ);
  for (let at = places.length ? -1 : text.indexOf(name); at >= 0 && places.length < MENTIONS_READ; at = text.indexOf(name, at + name.length)) places.push({ start: at, end: at + name.length });
  return places;
}

/** How one document uses a name at its mentions. */
export function usageOf(text: string, mentions: readonly Span[]): Usage {
  let person = 0, thing = 0;
  for (let i = 0; i < mentions.length && i < MENTIONS_READ; i++) {
    const { start, end } = mentions[i];
    const [before, at] = wordBefore(text, start), after = text.slice(end, end + 40);
    const possessive = /^['’](?:s\b|\s)/.test(after);
    const next = /^(?:['’]s?)?[\s*_\]]*(,\s*)?([\p{L}.&'’-]+)/u.exec(after);
    // A sentence's full stop is no part of the word ("the X Act."); "Inc." is read as "inc".
    const comma = !!next?.[1], word = next?.[2]?.toLowerCase().replace(/\.$/, '') ?? '';
    if (possessive && THING_NOUNS.has(word) || DEFINED_TERM.test(after) || linksToItsOwnSite(text, start, end) || companyAfter(text, end, comma, word) || before === 'of' && THING_OWNERS.has(wordBefore(text, at)[0]) || shortNameOfOrganisation(text, start, end, before)) thing++;
    else if (PERSON_BEFORE.has(before) || possessive && PERSON_NOUNS.has(word) || before === 'of' && PERSON_NOUNS.has(wordBefore(text, at)[0]) || comma && word === 'who' && !/^\S*\s*,\s*who\s+(?:have|are|were)\b/.test(after) || !comma && !possessive && PERSON_AFTER.has(word) || /^,?\s*\([DRI]-/.test(after)) person++;
    else if (!comma && (THING_HEADS.has(word) || word === '&' && !/^\s*&\s*(?:mr|mrs|ms|dr|the)\b/i.test(after) || word === 'and' && /^\s*(?:and|&)\s+(?:co\b|company\b)/i.test(after))) thing++;
    else if (!possessive && THING_BEFORE.has(before)) thing++;
  }
  return person > 0 && person >= thing ? 'person' : thing > 0 ? 'thing' : 'none';
}

/**
 * Whether the words after a mention make it a company's or an organisation's name: an apposition or a
 * suffix after a comma, "its" soon after, a head noun or an organisation word after "and". The patterns run
 * only where the next word or a comma allows them (most mentions, in every document of the corpus, do not).
 */
function companyAfter(text: string, end: number, comma: boolean, word: string): boolean {
  const joins = word === 'and' || word === 'or' || word === '&';
  const wider = comma || joins || text.slice(end, end + 60).includes('its') ? text.slice(end, end + 60) : '';
  if (!wider) return false;
  if (comma && (THING_APPOSITION.test(wider) || ONE_OF_THE_FIRMS.test(wider) || COMPANY_SUFFIX.test(wider)) || ITS_AFTER.test(wider)) return true;
  const joined = joins ? JOINED_HEAD.exec(wider) : null;
  return !!joined && (THING_HEADS.has(joined[2]) || joined[1].split(/\s+/).some(word => THING_HEADS.has(word.replace(/\*/g, '').toLowerCase())));
}

/**
 * "the Federal Home Loan Mortgage Corporation (X)": a name in brackets right after an organisation's name is
 * its short name. People are bracketed after their office ("the Secretary (X)"), not after an organisation.
 */
function shortNameOfOrganisation(text: string, start: number, end: number, before: string): boolean {
  return ORGANISATION_TAILS.has(before) && /\(\s*$/.test(text.slice(Math.max(0, start - 3), start)) && /^\s*\)/.test(text.slice(end, end + 3));
}

/** The word before a position, lower case, past markdown marks and spaces ("in **X" → "in"), and where it starts. */
function wordBefore(text: string, at: number): [string, number] {
  let end = at;
  while (end > 0 && /[\s*_[(]/.test(text[end - 1])) end--;
  let start = end;
  while (start > 0 && /[\p{L}'’-]/u.test(text[start - 1])) start--;
  return [text.slice(start, end).toLowerCase(), start];
}

/**
 * A kinship word shortly before a mention, in the same clause: "his son, the sixth President X", "her father
 * X". The document then tells X from a relative of the same surname, even when X's name could be theirs.
 */
const KIN_BEFORE = /\b(?:his|her|their)\s+(?:son|daughter|father|mother|wife|husband|brother|sister|grandson|granddaughter|grandfather|grandmother|nephew|niece|uncle|aunt|cousin)\b[^.;:!?"“”()]{0,40}$/i;

/** Whether a document introduces a name as someone's relative at one of its mentions. */
export function introducedAsKin(text: string, mentions: readonly Span[]): boolean {
  for (let i = 0; i < mentions.length && i < MENTIONS_READ; i++) {
    const start = mentions[i].start;
    if (KIN_BEFORE.test(text.slice(Math.max(0, start - 60), start))) return true;
  }
  return false;
}
