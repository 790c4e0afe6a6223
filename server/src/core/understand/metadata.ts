import { findDate } from '../read/dates';
import { CHINESE_SURNAMES, OUTLETS } from './lexicon';
import type { DocumentKind, Field, GivenMetadata, Quote, Span } from '../model';
import { findPeople, looksLikePersonName, sameGivenNames, surnameOf, type PeopleInDocument } from './people';
import { isCapitalized, tokenize } from '../read/tokens';

const given = <T>(value: T | undefined, frontMatter: T | undefined, sidecar: T | undefined): Field<T> | undefined =>
  frontMatter !== undefined ? { value: frontMatter, source: 'frontMatter' } : sidecar !== undefined ? { value: sidecar, source: 'sidecar' } : value !== undefined ? { value, source: 'text' } : undefined;

export interface MetadataInput {
  readonly text: string;
  /** Non-debris paragraphs in order. */
  readonly paragraphs: readonly Span[];
  readonly frontMatter: GivenMetadata;
  readonly sidecar: GivenMetadata;
  readonly fileName: string;
}

/** The title: given metadata, else the first short line of the text that is not a sentence of the body. */
export function findTitle(input: MetadataInput): { title: Field<string | null>; titleParagraph?: Span } {
  const fromGiven = given(undefined, input.frontMatter.title, input.sidecar.title);
  for (const paragraph of input.paragraphs.slice(0, 3)) {
    const line = input.text.slice(paragraph.start, paragraph.end).replace(/\*\*/g, '').replace(/^#+\s*/, '').replace(/\s+/g, ' ').trim();
    const words = line.split(' ').length;
    const sentenceLike = /[.!?]["”’]?$/.test(line) && words > 16;
    if (line.length >= 8 && line.length <= 220 && !sentenceLike && !/^["“]/.test(line)) {
      return { title: fromGiven ?? { value: line, source: 'text' }, titleParagraph: paragraph };
    }
    if (!fromGiven) break;
  }
  return { title: fromGiven ?? { value: null, source: 'unknown' } };
}

/**
 * The document's date: given metadata, else the first absolute date in the header lines, else a date in the
 * file name ("2021-05-20_..."). Dates deeper in the body are events, not the document's date.
 */
export function findDocumentDate(input: MetadataInput): { date: Field<string | null>; partial?: string } {
  const fromGiven = given(undefined, input.frontMatter.date, input.sidecar.date);
  if (fromGiven) return { date: fromGiven };
  let partial: string | undefined;
  for (const paragraph of input.paragraphs.slice(0, 8)) {
    const line = input.text.slice(paragraph.start, Math.min(paragraph.end, paragraph.start + 300));
    const found = findDate(line);
    if (found?.iso) return { date: { value: found.iso, source: 'text' }, partial };
    if (found?.partial && !partial) partial = found.partial;
  }
  const fromName = /(?:^|[^\d])((?:19|20)\d\d)-(\d\d)-(\d\d)(?:[^\d]|$)/.exec(input.fileName);
  if (fromName) return { date: { value: `${fromName[1]}-${fromName[2]}-${fromName[3]}`, source: 'fileName' }, partial };
  return { date: { value: null, source: 'unknown' }, partial };
}

/** Publishers whose name alone on a header line (or as a caption credit) marks the outlet. */
const OUTLET_LINE = new RegExp(`^(?:By\\s+)?(${OUTLETS.map(o => o.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})\\b\\s*(?:[,|/-].*)?$`);

export function findOutlet(input: MetadataInput): Field<string | null> {
  const fromGiven = given(undefined, input.frontMatter.outlet, input.sidecar.outlet);
  if (fromGiven) return fromGiven;
  for (const paragraph of input.paragraphs.slice(0, 10)) {
    const line = input.text.slice(paragraph.start, paragraph.end).trim();
    if (line.length > 80) continue;
    const match = OUTLET_LINE.exec(line);
    if (match) return { value: match[1], source: 'text' };
  }
  return { value: null, source: 'unknown' };
}

const SPEECH_TITLE = /^(?:(?:opening|closing|keynote|virtual|prepared)\s+)?(?:remarks|speech|address|statement|keynote|toast|eulogy|message|op-ed|letter|testimony)\b|\b(?:remarks|speech|address)\s+(?:by|of|at|to|before)\b|\bspeech\b|^.{0,80}\bdelivers\b/i;
const READOUT_TITLE = /\breadout\b|\b(?:call|meeting|talks|phone call|conversation)\s+with\b|\bmeets with\b|\bheld talks\b|\bspoke with\b/i;

/** Guesses what kind of document this is from its title and the first sentences. */
export function findKind(title: string | null, firstParagraphs: string, given: DocumentKind | undefined): DocumentKind {
  if (given) return given;
  const head = `${title ?? ''}\n${firstParagraphs}`;
  if (title && /^(?:statement|joint statement)\b/i.test(title)) return 'statement';
  if (title && SPEECH_TITLE.test(title)) return 'speech';
  if (READOUT_TITLE.test(title ?? '') || /\b(?:held talks|spoke by phone|met with|spoke with)\b/.test(firstParagraphs.slice(0, 400))) return 'readout';
  if (/\b(?:distinguished guests|ladies and gentlemen|dear friends|good (?:morning|afternoon|evening)[,.!]|excellenc(?:y|ies),|(?:mr\.?|madam) president,)/i.test(head)) return 'speech';
  return 'article';
}

/**
 * The people a title names ("Readout of President Biden’s Meeting with President Macron", "Secretary Blinken’s
 * Remarks to the Press"), as the document's own people where it knows them.
 */
export function speakersFromTitle(title: string | null, people: PeopleInDocument, text = ''): { name: string; role?: string }[] {
  if (!title) return [];
  const whole = { start: 0, end: title.length };
  const inTitle = findPeople(title, [whole], { titles: [whole] });
  const speakers: { name: string; role?: string }[] = [];
  for (const mention of inTitle.mentions) {
    const written = nameBeforeTitleVerb(mention.person);
    const role = inTitle.people.find(p => p.name === mention.person)?.roles[0]?.title;
    // "… the President of the Senate on the Continuation of the National Emergency": one word at the end of a
    // long phrase of office and connectors is no person, unless the document knows the name.
    if (!written.includes(' ') && role && /\s(?:of|on|the|to|for|at|in)\s/.test(role) && !people.resolve(written)) continue;
    // "Remarks by President Biden" in remarks that name only his granddaughter Naomi Biden in full: a surname
    // alone with an office is not the document's namesake whom it calls a relative and never gives that office.
    // "First Lady Jill Biden" in remarks that name Joe Biden: the surname alone does not make her him.
    const bySurname = people.resolve(surnameOf(written));
    const resolved = people.resolve(written) ?? (bySurname && sameGivenNames(written, bySurname) ? bySurname : undefined);
    const namesake = resolved !== undefined && resolved !== written && !written.includes(' ') && role !== undefined ? people.people.find(p => p.name === resolved) : undefined;
    const otherNamesake = !!namesake && !namesake.roles.some(r => r.title.toLowerCase().includes(role!.toLowerCase())) && namesake.mentions.some(m => KIN_BEFORE.test(text.slice(Math.max(0, m.start - 30), m.start)));
    const name = (otherNamesake ? undefined : resolved) ?? written;
    if (!speakers.some(s => s.name === name)) speakers.push({ name, ...(role ? { role } : {}) });
  }
  if (speakers.length === 0) {
    const byName = nameAfterBy(title);
    if (byName) speakers.push({ name: people.resolve(byName) ?? byName });
  }
  return speakers;
}

/** A word for a relative right before a name: "my son, Beau Biden", "my granddaughter Naomi Biden". */
const KIN_BEFORE = /\b(?:son|sons|daughter|daughters|granddaughter|grandson|grandchildren|grandkids|wife|husband|brother|sister|mother|father|mom|dad|niece|nephew|uncle|aunt|cousin|late)\b[\s,]*$/i;

/** The offices a title may name as its speaker without naming the holder, longest first. */
const OFFICE_WORDS = ['Secretary of State', 'Secretary-General', 'Secretary General', 'Vice President', 'Press Secretary', 'First Lady', 'Second Gentleman', 'Second Lady', 'President', 'Secretary'].map(words => words.replace(/ /g, '\\s+')).join('|');
const OFFICE_PAIR = `(${OFFICE_WORDS})(?:\\s+and\\s+(?:the\\s+)?(${OFFICE_WORDS}))?`;
/** "Statement from the Press Secretary", "Remarks by the Vice President at …", "Letter from the President to …". */
const OFFICE_AFTER_FORM = new RegExp(`^(?:Text\\s+of\\s+(?:a|the)\\s+)?(?:(?:Opening|Closing|Prepared|Virtual|Video|Cover)\\s+)?(?:Statement|Message|Remarks|Letter|Op-Ed|Address|Speech|Testimony|Keynote)\\s+(?:from|by|of|on behalf of)\\s+the\\s+${OFFICE_PAIR}(?!\\s+of\\b|[’']s?\\b|-|\\s+Pro\\s+Tempore)`, 'iu');
/** "The President and First Lady’s Message on …", "Vice President’s Cover Letter: …". */
const OFFICE_POSSESSIVE = new RegExp(`^(?:The\\s+)?${OFFICE_PAIR}[’']s\\s+(?:(?:Cover|Video|Opening|Closing|Prepared)\\s+)?(?:Statement|Message|Remarks|Letter|Op-Ed|Address|Speech)\\b`, 'u');
/** "Presidential Message on …", "America 250: Presidential Message on …". */
const PRESIDENTIAL = /^(?:[^:]{1,40}:\s+)?Presidential\s+(?:Message|Statement|Letter|Remarks|Address)\b/u;

/**
 * A title that names its speaker only by office ("Presidential Message on Earth Day", "Statement from the Press
 * Secretary"): the office titles, as the document's speakers; person resolution then finds who held the office
 * on the document's date. A readout or a fact sheet about "the President's" meeting names no speaker: only
 * the forms of a statement, message, remarks or letter from the office do.
 */
export function officeSpeakersFromTitle(title: string | null): string[] {
  if (!title) return [];
  if (PRESIDENTIAL.test(title)) return ['President'];
  const match = OFFICE_AFTER_FORM.exec(title) ?? OFFICE_POSSESSIVE.exec(title);
  if (!match) return [];
  const offices = [match[1], match[2]].filter((office): office is string => !!office).map(office => officeTitle(office));
  return [...new Set(offices)];
}

/** An office as the title writes it, in the form speakers are given ("Secretary General" → "Secretary-General"). */
function officeTitle(written: string): string {
  const words = written.replace(/\s+/g, ' ').toLowerCase().replace('secretary general', 'secretary-general');
  return words.replace(/(^|[\s-])(\p{L})/gu, (_, before: string, letter: string) => before + letter.toUpperCase()).replace(/ Of /g, ' of ');
}

/**
 * "Remarks by APNSA Jake Sullivan at …": after "Remarks by" (or Statement, Message …) a name needs no other
 * evidence, whatever title or acronym stands before it.
 */
function nameAfterBy(title: string): string | undefined {
  const by = /\b(?:Remarks|Statement|Message|Op-Ed|Interview|Letter|Address|Speech|Testimony|Keynote)\b[^:]{0,40}?\bby\s+([^,:;()]{3,80})/u.exec(title);
  if (!by) return undefined;
  const words = tokenize(by[1]);
  const end = words.findIndex((word, i) => i > 0 && !isCapitalized(word.text));
  const run = (end === -1 ? words : words.slice(0, end)).filter(word => !/^[A-Z]{2,}$/.test(word.text));
  // The name ends the run of capitalized words; the longest such tail that reads as a name, titles left out.
  for (let n = Math.min(4, run.length); n >= 2; n--) {
    const tail = run.slice(run.length - n);
    if (looksLikePersonName(tail)) return tail.map(t => t.text).join(' ');
  }
  return undefined;
}

/** Titles capitalize every word: "Prime Minister Helga Nordby Marking Europe Day" names "Helga Nordby", not "Helga Nordby Marking Europe". */
const TITLE_VERB = /^(?:\p{Lu}\p{Ll}{2,}ing|Issues|Announces|Signs|Marks|Hosts|Welcomes|Honors|Celebrates|Delivers|Meets|Travels|Visits|Calls|Urges|Praises|Condemns|Congratulates|Discusses|Names|Nominates|Appoints|Launches|Approves|Declares|Joins|Speaks|Statement|Remarks|Readout|Message|Op-Ed|Interview|Is|Are|Was|Has|Have|Will|Says|Said)$/u;

function nameBeforeTitleVerb(name: string): string {
  const words = name.split(' ');
  // Chinese given names may end in -ing ("Xi Jinping"), after a Chinese surname.
  const cut = words.findIndex((word, i) => i > 0 && TITLE_VERB.test(word) && !(i === 1 && /ing$/.test(word) && CHINESE_SURNAMES.has(words[0].toLowerCase())));
  return cut > 0 ? words.slice(0, cut).join(' ') : name;
}

/** The principal speakers of an article: whoever the document quotes most. */
export function speakersFromQuotes(quotes: readonly Quote[]): string[] {
  const counts = new Map<string, number>();
  for (const quote of quotes) if (quote.speaker && !quote.speakerKind && quote.speaker !== 'Reporter') counts.set(quote.speaker, (counts.get(quote.speaker) ?? 0) + (quote.kind === 'reported' ? 1 : 2));
  const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1]);
  if (ranked.length === 0) return [];
  const top = ranked[0][1];
  return ranked.filter(([, count]) => count >= Math.max(2, top * 0.5)).map(([name]) => name);
}
