/**
 * What extraction took for a name but the corpus shows is not a person: a role, a people, an office or place
 * name, words of a sentence, an organisation, a single word no document gives a title.
 */
import { NON_PERSON_WORDS } from '../understand/lexicon';
import { foldName } from './nameParts';
import { HEAD_WORDS, type Evidence, type NameEntry } from './nameTable';

/** Roles that transcripts print as a speaker label ("OPERATOR:", "Q:"). */
const TRANSCRIPT_ROLES = new Set(['aide', 'operator', 'moderator', 'participant', 'staff', 'audience', 'questioner', 'interpreter', 'narrator', 'announcer', 'reporter', 'official', 'q', 'u.s', 'u.s.', 'jr.', 'sr.', 'jr', 'sr', 'everyone', 'all']);
/** Nouns for roles that are not titles, as the last word of what extraction took for a name. */
const ROLE_NOUNS = new Set(`member members counsel services service operator motors staff team delegation people family families veterans
  workers students leaders officials participants guests citizens americans affairs school board caucus division system operations
  management agenda pharma award tempore ally tool reform relations command control engagement development emergency business
  circuit advisory diversity electric information programs financial medical subject manager advocate investment economies emirates
  arabia angeles emerita emeritus under operating performing disaster gentleman innovation women scientist i'll i’ll h.r law
  baseball partner technology provisions science orange assistance`.split(/\s+/).filter(Boolean));
/**
 * Last words of companies' names, never of a person's: "Gilead Sciences", "Pratt Industries", "Cisco Systems".
 * Not "Brands": Hal Brands is a historian.
 */
const COMPANY_TAILS = new Set(`sciences biosciences technologies industries therapeutics pharmaceuticals holdings networks labs
  foods airlines solutions materials ventures capital systems motor`.split(/\s+/).filter(Boolean));
/** "Americans", "Ukrainians": a people. */
const isPeopleWord = (word: string) => /(?:an|ese|ish|ian)s$/.test(word) && (NON_PERSON_WORDS.has(word.slice(0, -1)) || /^(?:americans|africans|asians|europeans|latinos|hispanics|ukrainians|russians|israelis|palestinians|afghans|iraqis|iranians|mexicans|canadians|koreans|indians)$/.test(word));
/** Words that open a sentence and never begin a name ("Well", "Right so"). */
const SENTENCE_OPENERS = new Set(['well', 'right', 'so', 'now', 'okay', 'ok', 'oh', 'yes', 'yeah', 'look', 'listen', 'what', 'why', 'how', 'anyway']);
/** Words of time that end or open a sentence ("... Safer Today"), never in a name. */
const TIME_WORDS = new Set(['today', 'tonight', 'yesterday', 'tomorrow']);
/** The words of a name without a generational suffix ("Counsel IV" → "Counsel"). */
const withoutSuffix = (words: string[]) => (words.length > 1 && /^(?:jr|sr|ii|iii|iv|v)\.?$/.test(words[words.length - 1]) ? words.slice(0, -1) : words);
/** "I’m", "he’d", "what’s": a pronoun with a verb, never in a name. */
const isPronoun = (word: string) => /^(?:i|you|he|she|we|they|it|what|that|there|who)'(?:m|d|s|ve|ll|re)$/.test(word);
/** Particles that stand inside names ("Chris Van Hollen", "Mohammed bin Salman"). */
const PARTICLE_WORDS = new Set(['de', 'da', 'di', 'del', 'van', 'von', 'bin', 'al', 'el', 'la', 'le', 'du', 'dos', 'der', 'den', 'y']);

/**
 * Words that are no name though written like one: a word said twice ("Joe Joe", "Johnson Johnson" of "Johnson
 * & Johnson") that no document gives a title, or a headline's verb after a name the corpus knows ("Antony J.
 * Blinken Opening", "Heath Robinson Honoring").
 */
/** Given names that end like a verb's -ing form. */
const GIVEN_ING = new Set(['irving', 'sterling', 'channing', 'manning', 'fleming', 'ming', 'jing', 'qing', 'ying', 'xing', 'ping', 'ling']);

/** Some document gives the name a title (read from its title groups, not from each of its documents). */
const isTitled = (entry: NameEntry) => [...entry.groups.keys()].some(titleKey => titleKey !== '');

function headlineWords(full: NameEntry[], isKnown: (name: string) => boolean): string | undefined {
  const tokens = full.map(entry => foldName(entry.name).split(/\s+/));
  const titled = full.some(isTitled);
  if (!titled && tokens.every(words => words.length > 1 && words.every(word => word === words[0]))) return 'a word said twice ("Joe Joe"), not a name';
  // "Biden’s Build", "Adding Mexico", "Congressional Budget": a possessive, a verb's -ing form or an adjective
  // opens no name that no document titles.
  // Not "Newsmax’s Ed Henry", "Ranking Member X" or "Irving X": an outlet's or an office's words before a name.
  if (!titled && tokens.every(words => words.length === 2 && /[’']s$/.test(words[0]) || words.length <= 3 && /^\p{L}{3,}ing$|(?:ional|oral|eral|tial|ical)$/u.test(words[0]) && !GIVEN_ING.has(words[0]) && !words.some(word => HEAD_WORDS.has(word) || word === 'member'))) return 'words of a headline ("Adding Mexico", "Biden’s Build"), not a name';
  if (full.every(entry => {
    const words = entry.name.trim().split(/\s+/);
    return words.length >= 3 && /^\p{Lu}\p{Ll}{2,}ing$/u.test(words[words.length - 1]) && isKnown(words.slice(0, -1).join(' '));
  })) return 'a name with a headline’s verb after it ("… Honoring"), not a name';
  return undefined;
}

/**
 * "Jim Crow", "Juris Doctor", "Khan Younis", "Johns Hopkins": full names that the corpus's sentences use as the
 * name of a place, a law, a company or a room ("in X", "the X Act", "X and Company") in some documents, and as
 * a person's (a title, "X said", "his son X", a quotation outside those documents) in almost none.
 */
function thingNamedLikeAPerson(full: NameEntry[], partial: ReadonlyMap<string, ReadonlySet<string>>): string | undefined {
  // Titled documents alone may settle it, read from the title groups without going through every document
  // (thousands for a president, at every change in their region).
  let most = 0, titled = 0;
  for (const entry of full) {
    most += entry.documents.size;
    if (!partial.has(entry.name)) for (const [titleKey, group] of entry.groups) if (titleKey !== '') titled += group.uris.size;
  }
  if (titled > most * PERSON_SHARE) return undefined;
  let documents = 0, person = 0, thing = 0;
  for (const entry of full) {
    for (const evidence of evidenceOf(entry, partial)) {
      documents++;
      if (evidence.usage === 'thing') thing++;
      if (evidence.titles.length > 0 || evidence.usage === 'person' || evidence.quotes > 0 && evidence.usage !== 'thing') person++;
    }
  }
  return thing >= THING_DOCUMENTS && thing >= documents * THING_SHARE && person <= documents * PERSON_SHARE ? 'used as the name of a place, a law or a company ("in X", "the X Act"), almost never as a person' : undefined;
}
/**
 * At least this share of a name's documents use it as a thing's, in two documents or more (one airport named
 * for a president among his documents is no evidence), and at most PERSON_SHARE as a person's.
 */
const THING_SHARE = 0.12;
const THING_DOCUMENTS = 2;
const PERSON_SHARE = 0.06;

/**
 * What a name's documents say of it, in the documents that are this person's: all of them, or for a name
 * decided per document ("Biden") only its share, read from that share rather than from every document.
 */
function* evidenceOf(entry: NameEntry, partial: ReadonlyMap<string, ReadonlySet<string>>): Iterable<Evidence> {
  const uris = partial.get(entry.name);
  if (!uris) yield* entry.documents.values();
  else for (const uri of uris) yield entry.documents.get(uri)!;
}

/** Why a group of names is not a person, or undefined when it may be one. */
export function notAPerson(entries: NameEntry[], partial: ReadonlyMap<string, ReadonlySet<string>>, isKnown: (name: string) => boolean = () => false): string | undefined {
  // "Audience Member", "Senior Administration Official", "Black Americans": a role or a people, not a name.
  const lastWords = entries.map(entry => withoutSuffix(foldName(entry.name).split(/\s+/)).pop()!.replace(/[’']s$/, ''));
  if (lastWords.every(word => TRANSCRIPT_ROLES.has(word) || ROLE_NOUNS.has(word) || HEAD_WORDS.has(word) || NON_PERSON_WORDS.has(word) || isPeopleWord(word))) return 'a role, a people or a place, not a name';
  if (lastWords.every(word => COMPANY_TAILS.has(word))) return 'the name of a company ("Gilead Sciences", "Pratt Industries")';
  // Judged on the full names when there are any: the bare "Siemens" of "Germany-based Siemens" shows nothing.
  const full = entries.filter(entry => entry.parts && entry.parts.given.length > 0);
  const tokens = (full.length ? full : entries).map(entry => foldName(entry.name).split(/\s+/));
  if (tokens.every(words => words.some(word => isPronoun(word) || TIME_WORDS.has(word)) || SENTENCE_OPENERS.has(words[0]))) return 'words of a sentence ("He’d", "What I’m", "Right so"), not a name';
  // One spelling written "New Jersey-based X" or "X & Y" is enough: people are not written so.
  if (tokens.some(words => words.includes('&') || /-(?:based|owned|backed)$/.test(words[0])) || tokens.every(words => words.some(word => /-(?:based|owned|led|backed)$/.test(word)) || /maker$/.test(words[0]) || words.slice(1, -1).some(word => NON_PERSON_WORDS.has(word) && !PARTICLE_WORDS.has(word)))) return 'the name of an organisation ("Germany-based Siemens", "Automaker X", "X Institute of Y")';
  if (full.length > 0) {
    const reason = headlineWords(full, isKnown) ?? thingNamedLikeAPerson(full, partial);
    if (reason || !fullNamesAreThin(full, entries, partial)) return reason;
    // A surname met bare and untitled is still a person's ("Bin Laden"): only what the bare word positively
    // is (a role, a people, the end of a place's name) hides the group.
    return bareWordNotAPerson(entries.filter(entry => !full.includes(entry)), partial, false);
  }
  return bareWordNotAPerson(entries, partial, true);
}

/**
 * Full names that say almost nothing of the group they lead: met in a few documents, untitled, never said to
 * speak nor used as a person's, while the bare word they lend their surname to fills many more ("Viva México",
 * met once, leading the bare "Mexico" of "Governor of New Mexico"). The bare word then decides.
 */
function fullNamesAreThin(full: NameEntry[], entries: NameEntry[], partial: ReadonlyMap<string, ReadonlySet<string>>): boolean {
  if (full.some(isTitled)) return false;
  let fullDocuments = 0, allDocuments = 0;
  for (const entry of entries) allDocuments += entry.documents.size;
  for (const entry of full) {
    for (const evidence of evidenceOf(entry, partial)) {
      // Stops at the first documents past the few: a president's full names are met in thousands.
      if (evidence.usage === 'person' || evidence.quotes > 0 || ++fullDocuments > THIN_DOCUMENTS) return false;
    }
  }
  return fullDocuments * 4 < allDocuments;
}
const THIN_DOCUMENTS = 2;

/** Why single words that stand for a person are not one. */
function bareWordNotAPerson(entries: NameEntry[], partial: ReadonlyMap<string, ReadonlySet<string>>, untitledIsEnough: boolean): string | undefined {
  if (entries.length === 0) return undefined;
  // A single word that no document, or under a tenth of them, gives a title or an honorific ("Transportation",
  // "Well", "Hyundai"): the corpus shows nothing of a person.
  let titledDocuments = 0, allDocuments = 0;
  for (const entry of entries) {
    allDocuments += entry.documents.size;
    for (const [titleKey, group] of entry.groups) if (titleKey !== '') titledDocuments += group.uris.size;
  }
  // One stray title ("fellow Founding" beside "Funding" in 13 documents) is no evidence either. A surname with
  // its particle ("Di Maio", "Le Drian") is more than one word: untitled, it is still a person's.
  const oneWord = entries.every(entry => !/\s/.test(entry.name.trim()));
  if (untitledIsEnough && oneWord && titledDocuments * 10 < allDocuments) return 'one word no document gives a title';
  const words = entries.map(entry => foldName(entry.name));
  if (words.every(word => TRANSCRIPT_ROLES.has(word) || HEAD_WORDS.has(word))) return 'a role, not a name';
  if (words.every(isPeopleWord)) return 'a people, not a person';
  let object = 0, total = 0;
  for (const entry of entries) {
    for (const evidence of evidenceOf(entry, partial)) {
      total++;
      if (evidence.objectOfRole) object++;
    }
  }
  if (total > 0 && object / total >= 0.5) return 'the end of an office or place name ("Human Services", "New York")';
  return undefined;
}

