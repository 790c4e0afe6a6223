/**
 * How a person's name is written, reduced to what decides whether two spellings are one name: given names
 * (nicknames to one form, initials kept as letters), a surname key (accents, particles, hyphens and common
 * romanisation differences folded), a generational suffix, and the written order.
 */
import { CHINESE_SURNAMES, HONORIFICS, NON_PERSON_WORDS, ROLE_HEADS, ROLE_MODIFIERS } from '../understand/lexicon';
import { foldAccents } from '../read/searchText';

export interface NameParts {
  /** The name as written, without words extraction left before it ("Services Xavier Becerra" → "Xavier Becerra"). */
  readonly display: string;
  /** Given names in written order, folded; an initial is one letter ("r"). */
  readonly given: readonly string[];
  /** Given names, romanised, in written order. */
  readonly givenKeys: readonly string[];
  /** Given names as written (folded), to tell a nickname from the same name. */
  readonly writtenGiven: readonly string[];
  /** The surname key ("sisi" for "Al-Sisi", "El Sisi"; "kadafi" for "Gaddafi", "Qadhafi"). */
  readonly surname: string;
  /** "jr", "sr", "ii", "iii"… */
  readonly suffix?: string;
  /** The same tokens in any order: "Abe Shinzo" and "Shinzo Abe" share it. */
  readonly orderFreeKey: string;
  /** Written order with spaces and hyphens gone: "Abdel-Fattah El Sisi" and "Abdel Fattah Al-Sisi" share it. */
  readonly compactKey: string;
  /** Surname keys this name may be found under: a name that may be written surname first has two. */
  readonly blocks: readonly string[];
  /** Written surname first ("Xi Jinping", "Yoon Suk Yeol"). */
  readonly surnameFirst: boolean;
}

export const PARTICLES = new Set(['al', 'el', 'es', 'ad', 'as', 'ash', 'at', 'bin', 'ibn', 'bint', 'abu', 'de', 'da', 'di', 'del', 'della', 'der', 'den', 'van', 'von', 'du', 'dos', 'das', 'la', 'le', 'y', 'ben']);
/** Particles that never begin a given name or a Chinese surname ("El Sisi", "De Mistura", "Van Hollen"). */
const LEADING_PARTICLES = new Set(['el', 'es', 'bin', 'ibn', 'bint', 'de', 'della', 'der', 'den', 'van', 'von', 'dos', 'das', 'del']);
/** Particles that open a surname written alone, capitalised ("Le Drian", "Di Maio", "Da Silva"); not "Al" (Al Gore). */
const SURNAME_PARTICLES = new Set(['le', 'la', 'di', 'da', 'du']);
/** The particle between the two surnames of a Portuguese name ("Lula da Silva"). */
const PORTUGUESE_PARTICLES = new Set(['da', 'de', 'do', 'dos', 'das']);
/** Particles written as a prefix of the surname ("Al-Sisi", "El-Sisi", "bin-Salman"). */
const PREFIX_PARTICLE = /^(?:al|el|es|ad|as|ash|at|bin|ibn|abu|ben)-(?=\p{L}{2})/u;
const SUFFIXES = new Map([['jr', 'jr'], ['junior', 'jr'], ['sr', 'sr'], ['senior', 'sr'], ['ii', 'ii'], ['iii', 'iii'], ['iv', 'iv'], ['v', 'v']]);

/** Surnames written first in Korean and Japanese names ("Yoon Suk Yeol", "Kishida Fumio"). */
const EAST_ASIAN_SURNAMES = new Set(
  `kim lee park yoon moon choi jung kang cho lim han oh seo shin kwon hwang ahn song yoo hong jeon ko son bae baek
   chung roh chun rhee ban abe suga kishida ishiba takaichi hayashi motegi kamikawa hamada kono kato matsuno
   suzuki tanaka sato watanabe ito nakamura kobayashi yoshida yamamoto yamaguchi koizumi noda aso okada`.split(/\s+/).filter(Boolean),
);

/** Given names that stand for one another (nickname → one form). */
const NICKNAME_GROUPS = [
  'joseph joe joey', 'antony anthony tony', 'william bill billy will', 'robert bob bobby rob', 'james jim jimmy jamie',
  'michael mike mick', 'charles chuck charlie', 'richard dick rick rich', 'thomas tom tommy', 'edward ted ed ned', 'theodore theo',
  'daniel dan danny', 'david dave', 'steven stephen steve', 'christopher chris', 'matthew matt', 'peter pete',
  'benjamin ben bibi', 'jennifer jen jenny', 'elizabeth liz beth betsy', 'katherine katharine kathy katie kate catherine kathryn',
  'susan sue', 'patrick pat', 'nicholas nick', 'alexander alex', 'samuel sam', 'andrew andy', 'timothy tim',
  'gregory greg', 'jeffrey jeff', 'kenneth ken', 'lawrence larry', 'martin marty', 'deborah debra deb debbie',
  'jacob jake', 'vladimir vlad', 'donald don', 'henry hank', 'rebecca becky', 'margaret maggie meg peggy',
  'mitchell mitch', 'gerald jerry', 'francis frank', 'nathaniel nathan nate', 'joshua josh', 'zachary zach',
  'frederick fred', 'gabriel gabe', 'sandra sandy', 'victoria vicky', 'jonathan jon', 'kimberly kim', 'ronald ron',
  'raymond ray', 'phillip philip phil', 'gerard gerry', 'terrence terence terry', 'leonard len',
  'muammar moammar moamar', 'volodymyr volodimir', 'jacqueline jackie', 'maxwell max', 'alejandro ali ale', 'ashton ash',
  'douglas doug',
].map(group => group.split(' '));
const NICKNAMES = new Map(NICKNAME_GROUPS.flatMap(group => group.map(name => [name, group[0]] as [string, string])));
/** Nicknames of two given names ("Teddy" Kennedy is Edward, "Teddy" Roosevelt is Theodore), by romanised key. */
const SHARED_NICKNAMES = new Map([[romanised('teddy'), [romanised('edward'), romanised('theodore')]]]);

const LEADING_TITLES = new Set([...HONORIFICS, ...ROLE_HEADS]);
/** Words that extraction sometimes leaves before a name ("Yesterday Jen Psaki", "I'm Jill Biden"). */
const LEADING_WORDS = new Set(["i'm", 'i', 'signed', 'intelligence', 'engagement', 'class', 'commerce', 'nominee', 'second', 'gentleman', 'opposition', 'services', 'relations', 'operations', 'development', 'resources', 'rights', 'nominations', 'yesterday', 'today', 'tonight', 'and', 'but', 'because', 'even', 'when', 'as', 'also', 'meanwhile', 'then', 'so', 'if', 'while', 'after', 'before', 'since', 'federation', 'emerita', 'emeritus', 'thank', 'thanks', 'congratulations', 'welcome', 'dear', 'hello', 'hi']);

/** Lower case, accents folded, curly apostrophes straight; hyphens kept. */
export function foldName(text: string): string {
  return foldAccents(text.normalize('NFC')).toLowerCase().replace(/[’`]/g, "'");
}

/**
 * A spelling key for one name token: the differences between romanisations of one name (Gaddafi, Qadhafi,
 * Kadhafi; Zelensky, Zelenskyy, Zelenskiy) fold away, the letters that tell names apart stay.
 */
export function romanised(token: string): string {
  return token
    .replace(/['.]/g, '')
    .replace(/^[qg]/, 'k')
    .replace(/q/g, 'k')
    .replace(/([dkgt])h/g, '$1')
    .replace(/ph/g, 'f')
    .replace(/ck/g, 'k')
    .replace(/ee|y/g, 'i')
    .replace(/ou|oo/g, 'u')
    .replace(/(.)\1+/g, '$1');
}

const isInitialToken = (token: string) => /^\p{L}\.?$/u.test(token);
const isPinyin = (token: string) => /^(?:(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?(?:iang|iong|uang|ang|eng|ing|ong|uan|ian|iao|uai|ai|ei|ao|ou|an|en|in|un|ia|ie|iu|ua|uo|ui|ue|er|a|o|e|i|u))+$/.test(token);

/**
 * The parts of a name as a document writes it, or undefined for text with no name in it (only titles, only
 * particles). Titles at the front ("President", "Mr.") are dropped; a suffix after a comma is read too.
 */
export function nameParts(written: string): NameParts | undefined {
  const raw = foldName(written).replace(/,/g, ' ').split(/\s+/).filter(Boolean);
  let start = 0;
  while (start < raw.length - 1 && (LEADING_TITLES.has(raw[start]) || LEADING_WORDS.has(raw[start]) || raw.length - start > 2 && (NON_PERSON_WORDS.has(raw[start]) || ROLE_MODIFIERS.has(raw[start])))) start++;
  const words = raw.slice(start);
  let suffix: string | undefined;
  while (words.length > 1 && SUFFIXES.has(words[words.length - 1].replace(/\.$/, ''))) suffix ??= SUFFIXES.get(words.pop()!.replace(/\.$/, ''));
  const original = written.replace(/,/g, ' ').trim().split(/\s+/).slice(start);
  // A particle is dropped, except first where it may be a given name or a surname ("Al Gore", "Le Yucheng").
  // "Le Drian", "Di Maio" alone are a surname with its particle, unless a Chinese name ("Le Yucheng").
  const surnameParticle = words.length === 2 && SURNAME_PARTICLES.has(words[0]) && !(CHINESE_SURNAMES.has(words[0]) && isPinyin(words[1]));
  const tokens: string[] = [];
  words.forEach((word, i) => {
    let token = word.replace(PREFIX_PARTICLE, '');
    if (i < words.length - 1 && (i > 0 || surnameParticle ? PARTICLES.has(token) : LEADING_PARTICLES.has(token) || PARTICLES.has(token) && /^[a-z]/.test(original[0] ?? ''))) return;
    token = token.replace(/\.$/, '');
    if (token) tokens.push(token);
  });
  if (tokens.length === 0) return undefined;
  const parts = tokens.map(token => token.replace(/-/g, ''));
  const surnameFirst = parts.length >= 2 && isSurnameFirst(parts, original);
  const surnameToken = surnameFirst ? parts[0] : parts[parts.length - 1];
  const givenTokens = surnameFirst ? parts.slice(1) : parts.slice(0, -1);
  const given = givenTokens.map(token => (isInitialToken(token) ? token[0] : NICKNAMES.get(token) ?? token));
  const surname = romanised(surnameToken);
  const blocks = [surname];
  // Two names that could each be the surname ("Kishida Fumio" / "Fumio Kishida"): found under either.
  if (parts.length === 2 && !surnameFirst && EAST_ASIAN_SURNAMES.has(parts[0]) && isRomaji(parts[1])) blocks.push(romanised(parts[0]));
  if (parts.length === 2 && surnameFirst && !CHINESE_SURNAMES.has(parts[0])) blocks.push(romanised(parts[1]));
  // A Portuguese name with both surnames ("Luiz Inácio Lula da Silva"): the bare name may be the first of
  // them ("President Lula"). Only before "da/de/do/dos/das": Arabic and Spanish names with more names are not
  // read so ("Ahmed Nasser Al-Mohammed Al-Sabah" is no "Sheikh Mohammed").
  const beforeParticle = words.length >= 4 && !surnameFirst && PORTUGUESE_PARTICLES.has(words[words.length - 2]) ? words[words.length - 3].replace(/-/g, '') : undefined;
  if (beforeParticle && parts.includes(beforeParticle)) blocks.push(romanised(beforeParticle));
  return {
    display: written.trim().split(/\s+/).slice(start).join(' '),
    given,
    givenKeys: given.map(romanised),
    writtenGiven: givenTokens,
    surname,
    ...(suffix ? { suffix } : {}),
    orderFreeKey: [...given.map(romanised), surname].sort().join(' '),
    compactKey: parts.map(romanised).join(''),
    blocks,
    surnameFirst,
  };
}

function isSurnameFirst(parts: readonly string[], original: readonly string[]): boolean {
  const first = parts[0];
  const rest = parts.slice(1);
  if (CHINESE_SURNAMES.has(first) && rest.length <= 2 && rest.every(isPinyin) && !EAST_ASIAN_GIVEN_FIRST.has(first)) return true;
  if (!EAST_ASIAN_SURNAMES.has(first)) return false;
  // Korean given names are hyphenated or two syllables ("Moon Jae-in", "Yoon Suk Yeol"); Japanese end in a vowel or n.
  const last = original[original.length - 1] ?? '';
  return rest.length === 2 && rest.every(t => t.length <= 5) || /-/.test(last) || rest.length === 1 && isRomaji(rest[0]);
}

/** Reads as a romanised Japanese word ("Fumio", "Shinzo"): syllables of a consonant and a vowel, or n. */
const isRomaji = (token: string) => token.length >= 4 && /^(?:[kgsztdnhbpmyrwfj]?y?[aiueo]|n|(?:sh|ch|ts)[aiueo])+$/.test(token);

/** Surnames that are also common English given names: "Lee Zeldin" is given name first. */
const EAST_ASIAN_GIVEN_FIRST = new Set<string>();

/** Two given names are one: the same, a nickname of each other, or an initial of the other. */
export function sameGivenName(a: string, b: string): boolean {
  if (a === b) return true;
  if (a.length === 1 || b.length === 1) return a[0] === b[0];
  return romanised(a) === romanised(b);
}

/** sameGivenName on romanised keys (NameParts.givenKeys). */
function sameKey(a: string, b: string): boolean {
  return a === b || (a.length === 1 || b.length === 1) && a[0] === b[0] || !!SHARED_NICKNAMES.get(a)?.includes(b) || !!SHARED_NICKNAMES.get(b)?.includes(a);
}

/** Why two written names may be one person, or why they cannot be. */
export type NameMatch = { readonly match: true; readonly reason: 'same name' | 'spelling' | 'initials' | 'nickname' | 'middle name' | 'last names' } | { readonly match: false; readonly why: string };

/**
 * Whether two full names (same surname key) may be one person by their given names: the same given names, a
 * nickname, initials, or one name giving a middle name the other leaves out. Different first names ("Jill",
 * "Joe") or different middle initials ("George W." / "George H. W.") keep them apart. Suffixes are left to
 * the caller, which needs roles to decide (Joseph R. Biden Jr. / Joe Biden, but Donald Trump Jr.).
 */
export function compareGiven(a: NameParts, b: NameParts): NameMatch {
  if (a.surname !== b.surname && a.orderFreeKey !== b.orderFreeKey) return { match: false, why: 'different surnames' };
  if (a.compactKey === b.compactKey || a.orderFreeKey === b.orderFreeKey) return { match: true, reason: 'same name' };
  if (a.givenKeys.join('') === b.givenKeys.join('')) return { match: true, reason: 'spelling' };
  const [short, long] = a.given.length <= b.given.length ? [a.givenKeys, b.givenKeys] : [b.givenKeys, a.givenKeys];
  if (short.length === 0) return { match: false, why: 'no given name' };
  if (sameKey(short[0], long[0])) {
    // Middle names in step must agree ("George W." is not "George H. W."); the longer may give more of them.
    for (let i = 1; i < short.length; i++) if (!sameKey(short[i], long[i])) return { match: false, why: 'different middle names' };
    const initials = [...short, ...long].some(name => name.length === 1);
    const nickname = a.writtenGiven[0] !== b.writtenGiven[0] && a.given[0].length > 1 && b.given[0].length > 1;
    return { match: true, reason: nickname ? 'nickname' : initials ? 'initials' : short.length === long.length ? 'spelling' : 'middle name' };
  }
  // The shorter is the end of the longer: "López Obrador" of "Andrés Manuel López Obrador".
  const tail = long.slice(long.length - short.length);
  if (short.every((name, i) => name.length > 1 && tail[i].length > 1 && name === tail[i])) return { match: true, reason: 'last names' };
  return { match: false, why: 'different first names' };
}
