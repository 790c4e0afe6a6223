import { ANNOUNCING_VERBS, DETERMINERS, EVIDENCE_VERB_SET, KNOWN_ORGANISATIONS, ORGANISATION_HEADS, REPORTING_VERB_SET, REPORTING_VERBS, ROLE_HEADS, SOURCE_NOUNS, STANCE_VERB_SET } from './lexicon';

const TWO_WORD_VERB_STARTS = new Set(REPORTING_VERBS.filter(verb => verb.includes(' ')).map(verb => verb.split(' ')[0]));
import { isGivenNameWord } from './givenNameGender';
import { DESCRIBING_NOUN, isCompanyShaped, unknownPersonName } from './people';
import { isCountryName } from './places';
import type { Span, SpeakerKind } from '../model';
import type { Mention, PeopleInDocument } from './people';
import { firstAfter } from '../read/spans';
import { isCapitalized, isSpaceGap, type Token } from '../read/tokens';

/** Who speaks, when it is not (only) a person's name. */
export interface Source {
  readonly name: string;
  readonly kind: SpeakerKind;
}

/** Writings that speak for someone: "a notice said", "one slide showed", "the study found". */
const DOCUMENT_NOUN = /^(?:notice|estimate|count|tally|forecast|projection|report|statement|letter|study|poll|survey|memo|slide|editorial|analysis|filing|complaint|lawsuit|suit|ad|advert|tweet|post|article|review|audit|document|paper|brief|motion|ruling|order|release|video|message|email|note|sign|banner|placard|leaflet|flyer|petition|resolution)$/;

/** Writings in which their issuer speaks ("the OECD report"), unlike measures ("the Nordstat poll") that speak for themselves. */
const ISSUED_WRITING = /^(?:report|statement|letter|editorial|memo|analysis|filing|complaint|brief|release|message|note|study|review|audit|document|paper|resolution|tweet|post)$/;

/** A plural's singular, for words for people: "ecologists" → "ecologist" ("press" stays). */
const singularOf = (word: string) => word.replace(/(?<=[^s])s$/, '');

/**
 * A word that can name who speaks after "a", "an" or "one": people ("one questioner"), an office, a group or
 * an organisation ("a union"), a writing ("a customs notice").
 */
const speaksAfterA = (word: string) => SOURCE_NOUNS.has(word) || ROLE_HEADS.has(word) || ORGANISATION_HEADS.has(word) || DOCUMENT_NOUN.test(word) || DESCRIBING_NOUN.test(singularOf(word)) || /(?:er|or|ist|ian|ant|ent)s?$/.test(word);

/** Words that count or gather things: "a raft of rules", "a number of experts". */
const MEASURE_NOUN = /^(?:set|raft|series|number|lot|lots|host|range|variety|couple|pair|handful|bunch|slew|dozen|dozens|hundreds|thousands|millions|plenty|rest|share|portion|fraction|array|list|batch|wave|string|flurry|spate)$/;

const QUANTIFIER = /^(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|many|some|other|another|most|few|numerous|multiple|half|nearly|almost|about|roughly|only|just|\d+(?:\.\d+)?%?)$/;

/**
 * A source the text does not name as a person: an organisation ("the White House", "the Foreign Ministry",
 * "Reuters") or a description ("a source", "officials", "three people familiar with the matter", "one reader").
 * The name is the phrase as written.
 */
export function describedSource(tokens: readonly Token[], text: string): Source | undefined {
  if (tokens.length === 0 || tokens.length > 8) return undefined;
  // "Trump and the Office of the First Lady": the first named leads, as for people.
  const and = tokens.findIndex((token, i) => i > 0 && token.lower === 'and');
  // "Regional and national officials", "Exporters and their partners abroad": one description when the first
  // part is none on its own.
  const first = and > 0 ? describedSource(tokens.slice(0, and), text) : undefined;
  if (first) return first;
  const lower = tokens.map(t => t.lower);
  if (/^(?:he|she|it|they|we|i|you|this|that|there|which|who)$/.test(lower[0]) && tokens.length === 1) return undefined;
  // "Others said", "Both reaffirmed", "Two-thirds said": people counted, never a person named "Others".
  if (tokens.length === 1 && /^(?:others|both|all|(?:one|two|three)-(?:thirds?|quarters?))$/.test(lower[0])) return { name: tokens[0].text, kind: 'unnamed' };
  // "Several historians who …": the relative clause's antecedent is found apart (relativeAntecedent).
  if (/^(?:who|which)$/.test(lower[lower.length - 1])) return undefined;
  // "the regime’s [support of …]": a possessive modifies a noun after it; "a fund on health that the
  // President [urges …]": the verb is a relative clause's, whose subject comes after "that".
  if (/['’]s$/.test(lower[lower.length - 1]) || lower.includes('that')) return undefined;
  const phrase = text.slice(tokens[0].start, tokens[tokens.length - 1].end).replace(/\s+/g, ' ');
  // "people familiar with the matter", "an aide to the minister": the head comes before of/for/with/at.
  const cut = lower.findIndex((word, i) => i > 0 && /^(?:of|for|with|at|from|in|on|by|about|close|familiar|who|briefed)$/.test(word));
  const head = tokens.slice(0, cut === -1 ? tokens.length : cut);
  // A described source is a noun phrase: no verb, pronoun or clause word inside it ("are a good case study").
  // ("the United States" has no verb "states").
  if (head.some((t, i) => /^(?:are|is|was|were|be|been|being|have|has|had|will|would|can|could|may|might|must|should|do|does|did|not|to|that|which|who|it|they|we|i|you|he|she|if|when|as)$/.test(t.lower) || (REPORTING_VERB_SET.has(t.lower) && !insideName(head, i)))) return undefined;
  const headWord = head[head.length - 1].lower.replace(/['’]s$/, '');
  if (/^\d/.test(headWord)) return undefined; // "24/7 customs officer Linus Berglund" cut at the slash is no "7"
  // "a raft of new rules", "a set of regulations": a measure of things speaks only when people follow "of".
  if (MEASURE_NOUN.test(headWord) && !tokens.slice(head.length).some(t => SOURCE_NOUNS.has(t.lower) || DESCRIBING_NOUN.test(t.lower))) return undefined;
  // "the Ohio businessman", "a Chicago activist": a word for a person ends the description.
  // "ecologists", "historians": the plural of such a word too.
  const singular = singularOf(headWord);
  if ((DESCRIBING_NOUN.test(headWord) || DESCRIBING_NOUN.test(singular)) && !/^(?:human|woman|man)$/.test(singular) && !/^[A-Z]/.test(head[head.length - 1].text)) return { name: phrase, kind: 'unnamed' };
  // "AROS argues that …", "ISIS-K claimed …": an acronym alone names an organisation.
  if (tokens.length === 1 && /^[A-Z]{2,6}(?:-[A-Z]{1,2})?$/.test(tokens[0].text) && !/^(?:POTUS|FLOTUS|VPOTUS)$/.test(tokens[0].text)) return { name: tokens[0].text, kind: 'organisation' };
  // A sentence's first word is capitalized whatever it is: "Another 19 percent" names no one.
  const named = head.filter((t, i) => /^[A-Z]/.test(t.text) && !/^(?:the|a|an)$/i.test(t.text) && !(i === 0 && QUANTIFIER.test(t.lower)));
  // "Those close to him", "those familiar with the talks": people described by what they are near to.
  if (lower[0] === 'those' && /^(?:close|closest|familiar|involved|briefed|present|near)$/.test(lower[1] ?? '')) return { name: phrase, kind: 'unnamed' };
  // "On Iran", "In Brussels": a capitalized function word starts a phrase, not a name.
  if (/^(?:on|in|at|for|to|from|by|with|about|after|before|during|as|if|when|while|but|and|so|yet|here|there|this|these|those|what|why|how|where|who)$/.test(lower[0])) return undefined;
  const organisationHead = ORGANISATION_HEADS.has(headWord);
  // "many said", "63 percent said", "some say"; but "a turning point", "a deal" name no one: after "a" or "one"
  // the head must be a word for people.
  const peopleAfterOf = tokens.slice(head.length).some(t => /^\p{Lu}/u.test(t.text) || speaksAfterA(t.lower));
  const counted = QUANTIFIER.test(lower[0]) && !named.length && !(/^(?:a|an|one)$/.test(lower[0]) && head.length > 1 && !speaksAfterA(headWord) && !peopleAfterOf);
  if (SOURCE_NOUNS.has(headWord) || counted) {
    return { name: phrase, kind: 'unnamed' };
  }
  // A named organisation: an organisation word ("the Foreign Ministry"), a known one-word name ("Reuters"), or
  // several capitalized words ("Acme Capital"). One unknown capitalized word is more likely a surname, or a
  // sentence's first word ("Initial results …").
  const known = KNOWN_ORGANISATIONS.has(lower.join(' ').replace(/^the /, ''));
  // "the Courier", "the Kremlin": one capitalized word after "the" names an institution, unless it is an office
  // ("the President") or an owner ("the President’s").
  const theInstitution = lower[0] === 'the' && tokens.length === 2 && named.length === 1 && !organisationHead && !ROLE_HEADS.has(headWord) && !/['’]s$/.test(named[0].text);
  const capitalizedPhrase = named.length === head.length - (lower[0] === 'the' ? 1 : 0) && named.length >= 2 && named.length <= 5 && cut === -1;
  if (theInstitution) return { name: phrase, kind: 'organisation' };
  if (organisationHead && named.length > 0 || known || capitalizedPhrase) {
    return { name: phrase, kind: 'organisation' };
  }
  if (organisationHead) return { name: phrase, kind: 'unnamed' }; // "the company", "a South Korean newspaper"
  return undefined;
}

/**
 * A speaker the document has not introduced: a described source ("a source"), else a name ("Sanders",
 * "Rep. J.T. Halloran"; news introduce people in ways no rule lists), else a named organisation.
 */
export function sourceNamedIn(tokens: readonly Token[], text: string, isEverydayWord: (word: string) => boolean = () => false): Source | undefined {
  const described = describedSource(tokens, text);
  // "the Courier", "the Harbor Trust": no person's name follows "the".
  if (described?.kind === 'unnamed' || tokens.length === 0 || (described && tokens[0].lower === 'the')) return described;
  const known = KNOWN_ORGANISATIONS.has(tokens.map(t => t.lower).join(' ').replace(/^the /, ''));
  // "AstraZeneca announced …": one word shaped like a company's name.
  if (tokens.length === 1 && isCompanyShaped(tokens[0].text.replace(/['’]s$/, ''))) return { name: tokens[0].text.replace(/['’]s$/, ''), kind: 'organisation' };
  // "Malaysia committed to …": a country speaks as its government.
  const phrase = text.slice(tokens[0].start, tokens[tokens.length - 1].end);
  if (!known && tokens.length <= 6 && isCountryName(phrase)) return { name: phrase.replace(/\s+/g, ' ').replace(/['’]s$/, ''), kind: 'organisation' };
  // "Additionally, …", "Counselors say …", "Good …": a word the document also writes in lower case is no surname.
  if (!known && tokens.length === 1 && isEverydayWord(tokens[0].lower.replace(/['’]s$/, ''))) return described;
  const name = known ? undefined : unknownPersonName(tokens);
  return name ? { name, kind: 'person' } : described;
}

/**
 * The source after "according to": anything named there is one. A person or organisation the text knows, else
 * the phrase as written ("federal statistics", "a count by the county clerk").
 */
export function accordingToSource(tokens: readonly Token[], text: string, context: SpeakerContext): Source | undefined {
  const source = context.resolveSource(tokens, text);
  if (source || tokens.length === 0 || tokens.length > 10) return source;
  const phrase = text.slice(tokens[0].start, tokens[tokens.length - 1].end).replace(/\s+/g, ' ');
  const named = tokens.some(t => isCapitalized(t.text) && !/^(?:the|a|an)$/i.test(t.text));
  return { name: phrase, kind: named ? 'organisation' : 'unnamed' };
}

/** Who is being talked about at this point of the document, for pronouns and "the ambassador". */
export class SpeakerContext {
  private current: string | undefined;
  /** `upcoming` names the next person the text shows speaking, for "A senior diplomat said ..." before the name. */
  constructor(
    private readonly people: PeopleInDocument,
    private readonly upcoming: (offset: number) => string | undefined = () => undefined,
    private readonly ledeEnd = Infinity,
    /** Mentions inside a quotation: the quoted speaker talks about them, so they take no pronoun outside. */
    private readonly quoted: (mention: Mention) => boolean = () => false,
    /** Whether a paragraph break lies between two offsets. */
    private readonly paragraphBreakBetween: (start: number, end: number) => boolean = () => true,
  ) {}

  /** The first person named between two offsets. */
  firstNamedIn(start: number, end: number): string | undefined {
    const mention = this.people.mentions[firstAfter(this.people.mentions, start - 1)];
    return mention && mention.span.end <= end ? mention.person : undefined;
  }

  /** The last person named between two offsets, for "X, now the majority leader, who said …". */
  lastNamedIn(start: number, end: number): string | undefined {
    const mention = this.people.mentions[firstAfter(this.people.mentions, end - 1) - 1];
    return mention && mention.span.start >= start && mention.span.end <= end ? mention.person : undefined;
  }

  /** Whether a person's mention ends at `end` (give or take a possessive). */
  namedEndingAt(end: number): boolean {
    const mention = this.people.mentions[firstAfter(this.people.mentions, end - 1) - 1];
    return !!mention && mention.span.end <= end && end - mention.span.end <= 2;
  }

  /** sourceNamedIn, knowing which words this document writes in lower case. */
  sourceNamedIn(tokens: readonly Token[], text: string): Source | undefined {
    return sourceNamedIn(tokens, text, word => this.people.writesInLowerCase(word));
  }

  /** Whether the document gives this person an office or a role ("Trade Minister Ruben Kastelic"). */
  hasRole(name: string): boolean {
    const known = this.people.resolve(name);
    return known !== undefined && !!this.people.people.find(person => person.name === known)?.roles.length;
  }

  get speaker(): string | undefined {
    return this.current;
  }

  /**
   * "he" / "she": the current speaker, unless the text shows them to be of the other gender; then the latest
   * person named before the pronoun who is of that gender.
   */
  private byPronoun(gender: 'm' | 'f', offset: number): string | undefined {
    const current = this.current;
    const currentGender = current ? this.people.genderOf(current) : undefined;
    const mentions = this.people.mentions;
    // Walk back from the pronoun: a person of that gender named after the current speaker was last named takes
    // it ("Ms. Monteverdi attacked the cut. “…,” she told"); reaching the current speaker first keeps them.
    const other = gender === 'm' ? 'f' : 'm';
    let nearestUnknown: string | undefined;
    let nearestMentioned: string | undefined;
    // Someone a report talks about, when no one else of that gender is named: "Ryan said Pelosi was wrong. “…,” she said".
    let talkedAbout: string | undefined;
    for (let i = firstAfter(mentions, offset - 1) - 1, seen = 0; i >= 0 && seen < 12; i--, seen++) {
      if (this.quoted(mentions[i])) continue;
      if (this.inReportedContent(mentions[i])) {
        if (this.people.genderOf(mentions[i].person) === gender) talkedAbout ??= mentions[i].person;
        continue;
      }
      const person = mentions[i].person;
      if (person === current && currentGender !== other) return current;
      if (person === current) continue;
      const personGender = this.people.genderOf(person);
      // Someone only mentioned ("a hall named after Solheim") does not take the pronoun from a subject or a speaker.
      if (personGender === gender && (mentions[i].speaking || mentions[i].subject)) return person;
      if (personGender === gender) nearestMentioned ??= person;
      // "Hovland brushes off questions. “…,” he said": the paragraph's subject, of no known gender, before the
      // speaker of an earlier paragraph.
      if (personGender === undefined && mentions[i].subject && !this.paragraphBreakBetween(mentions[i].span.end, offset)) return person;
      if (personGender === undefined) nearestUnknown ??= person;
    }
    if (current === undefined) return nearestMentioned ?? nearestUnknown ?? talkedAbout;
    // "she" never goes to a man the text shows as one: to the nearest woman named, else to someone the text says
    // nothing about, else to a woman a report named, else to no one.
    return currentGender === other ? nearestMentioned ?? nearestUnknown ?? talkedAbout : current;
  }

  /** What speakers were reported to say, in text order: "Ryan said McConnell was right. “…,” he said" is Ryan's. */
  private readonly reportedContents: { content: Span; speaker: string }[] = [];

  /** Records the content of a person's reported statement: the people named in it are talked about, like those quoted. */
  reported(content: Span, speaker: string): void {
    this.reportedContents.push({ content, speaker });
  }

  /**
   * Whether someone else's latest reported statements name this person (the pronoun walk only looks a little
   * way back). A statement's own speaker named inside its span is not talked about.
   */
  inReportedContent(mention: Mention): boolean {
    const contents = this.reportedContents;
    for (let i = contents.length - 1; i >= Math.max(0, contents.length - 8); i--) {
      const { content, speaker } = contents[i];
      if (content.start <= mention.span.start && mention.span.end <= content.end && mention.person !== speaker) return true;
    }
    return false;
  }

  /** A person (see resolveSubject), else an organisation or a described source, else undefined. */
  resolveSource(tokens: readonly Token[], text: string, verb?: string): Source | undefined {
    const source = this.sourceOf(tokens, text);
    return source && verb !== undefined && this.announcingCompany(source, tokens, verb) ? { name: source.name, kind: 'organisation' } : source;
  }

  private sourceOf(tokens: readonly Token[], text: string): Source | undefined {
    const person = this.resolveSubject(tokens);
    if (person) return { name: person, kind: 'person' };
    if (tokens.length === 1 && /^(?:it|they)$/.test(tokens[0].lower)) return this.bySourcePronoun(tokens[0]);
    return this.writingsAuthor(tokens, text) ?? this.sourceNamedIn(tokens, text);
  }

  /**
   * "Amgen announced …", "Gecko Robotics committed …": a name the document never gives as a person's (no given
   * name, no title or role) that announces or commits is a company. "The President announced" and a minister
   * the document introduced keep their person.
   */
  private announcingCompany(source: Source, subject: readonly Token[], verb: string): boolean {
    if (source.kind !== 'person' || !ANNOUNCING_VERBS.test(verb) || subject.some(token => !isCapitalized(token.text) || ROLE_HEADS.has(token.lower))) return false;
    return !this.hasRole(source.name) && !source.name.split(/\s+/).some(isGivenNameWord);
  }

  /**
   * "the OECD report stated", "the Harbor Council statement said": an organisation speaks through its writing.
   * A person's name before the noun ("the Mueller report") is left as the writing it names.
   */
  private writingsAuthor(tokens: readonly Token[], text: string): Source | undefined {
    // "The Executive Order", "the Annual Report": a capitalized noun is part of the writing's own name.
    const noun = tokens[tokens.length - 1];
    if (tokens.length < 3 || tokens.length > 6 || tokens[0].lower !== 'the' || !ISSUED_WRITING.test(noun.text)) return undefined;
    const owner = tokens.slice(1, -1);
    // "the January report", "the Friday statement": a date, not an owner.
    if (!owner.every(t => /^\p{Lu}/u.test(t.text) && !/['’]s$/.test(t.text) && !DATE_WORD.test(t.text)) || this.people.resolve(owner.map(t => t.text).join(' '))) return undefined;
    return { name: text.slice(tokens[0].start, owner[owner.length - 1].end).replace(/\s+/g, ' '), kind: 'organisation' };
  }

  /** The latest organisation or described source quoted, for "it added" and "they wrote" after it. */
  private lastSource: { source: Source; end: number } | undefined;

  /** Records who spoke when it is not a person: "the Courier wrote … “…,” it added". */
  sourceSpoke(source: Source, end: number): void {
    if (source.kind !== 'person') this.lastSource = { source, end };
  }

  /**
   * "it" takes an organisation quoted just before ("the Courier wrote. “…,” it added"), "they" a described
   * source or an organisation ("critics of the plan said … they wrote"); nothing else is known about them.
   */
  private bySourcePronoun(pronoun: Token): Source | undefined {
    const last = this.lastSource;
    if (!last || pronoun.start - last.end > SOURCE_PRONOUN_REACH || pronoun.start < last.end) return undefined;
    // "it" is an organisation's or a writing's ("…, the study says. It also warns that …"), never a group's.
    if (pronoun.lower === 'it') return last.source.kind === 'organisation' || DOCUMENT_NOUN.test(last.source.name.split(' ').pop()!.toLowerCase()) ? last.source : undefined;
    return last.source;
  }

  set speaker(name: string | undefined) {
    if (name) this.current = name;
  }

  /**
   * Resolves the subject of a reporting verb: a name or title + name, a pronoun, or a definite description
   * ("the ambassador", "the Chinese official").
   */
  resolveSubject(tokens: readonly Token[]): string | undefined {
    if (tokens.length === 0 || tokens.length > 8) return undefined;
    // "Secretary Blinken and Foreign Minister Çavuşoğlu discussed ...": the first named leads.
    const and = tokens.findIndex((token, i) => i > 0 && token.lower === 'and');
    if (and > 0) return this.resolveSubject(tokens.slice(0, and));
    const words = tokens.map(t => t.text);
    const lower = words.map(w => w.toLowerCase());
    // "he", "he’s", "he’d", "she’ll": the pronoun, whatever verb is contracted onto it.
    if (tokens.length === 1 && /^(?:he|she)(?:['’](?:s|d|ll))?$/.test(lower[0])) return this.byPronoun(lower[0].startsWith('he') ? 'm' : 'f', tokens[0].start);
    const named = this.people.resolve(words.join(' '));
    if (named) return named;
    // "Vice-Foreign Minister Le Yucheng" and "the Chinese Foreign Ministry's Yang": the name is the tail.
    for (let i = 1; i < words.length; i++) {
      if (!isCapitalized(words[i])) continue;
      const tail = this.people.resolve(words.slice(i).join(' '));
      if (tail) return tail;
    }
    const head = lower[lower.length - 1];
    const describesOfficial = ROLE_HEADS.has(head) || head.split('-').some(part => ROLE_HEADS.has(part)) || /^(?:official|diplomat|spokesperson|envoy|minister|ambassador|source)$/.test(head);
    // "A senior Chinese diplomat has said ..." opening a news story, before the next paragraph names him; later
    // in a story, "a senior official said" is someone the writer does not name.
    if ((lower[0] === 'a' || lower[0] === 'an') && describesOfficial && head !== 'source' && tokens[0].start < this.ledeEnd) return this.current ?? this.upcoming(tokens[0].start);
    if (lower[0] === 'the' || lower[0] === 'this' || lower[0] === 'that') {
      const byRole = this.people.resolveByRole(lower.join(' '));
      if (byRole) return byRole;
      if (describesOfficial) return this.current ?? this.upcoming(tokens[0].start);
    }
    return undefined;
  }
}

/** How far after an organisation's or group's words "it" and "they" may still be theirs, in characters. */
const SOURCE_PRONOUN_REACH = 600;

/** Months and weekdays, which date a writing rather than own it. */
const DATE_WORD = /^(?:January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$/;

/** Words in -s that are plural nouns as often as verbs: "reports", "claims", "notes", "remarks". */
const NOUN_OR_VERB = /^(?:reports|claims|notes|states|remarks|comments|answers|replies|posts|tweets|calls|thanks|shares|questions|warns|pledges|vows|demands|promises)$/;

/** Verbs that take another verb after "to" and say no words themselves: "continues to call for", "appeared to suggest". */
// Not "refused to" or "declined to", which deny what follows, nor "wants to" or "plans to", which intend it.
const CATENATIVE = /^(?:continue|continues|continued|continuing|began|begins|begin|tried|tries|try|appeared|appears|seemed|seems|went|goes|sought|seeks)$/;

const AUXILIARY = /^(?:has|have|had|will|would|could|can|may|might|must|should|did|does|do|is|was|were|are|been|be)$/;
export const VERB_AFTER_ADVERB = /^(?:also|further|then|later|once|again|repeatedly|earlier|previously|recently|specifically|clearly|firmly|strongly|now|still|just|already|often|never|even|long|first|since|soon|too|twice|\p{Ll}+ly)$/u;

export interface ReportingClause {
  /** Index of the first token of the verb. */
  readonly verb: number;
  /** Number of tokens of the verb ("pointed out" is two). */
  readonly verbLength: number;
  /** Tokens of the subject before the verb. */
  readonly subject: Token[];
  /**
   * The verb shares the subject of an earlier verb ("Moss urged … and said she"): the clause has only a
   * conjunction where its subject would be, and the sentence's subject speaks.
   */
  readonly coordinated?: boolean;
}

/** Words that open a clause without being part of its subject: "But he said", "while 73 percent said". */
const CLAUSE_OPENERS = /^(?:but|and|or|so|yet|still|meanwhile|however|now|instead|indeed|thus|then|while|whereas|although|though|because|since|when|where|if|as|after|before|which|that|whom)$/;
/** "Ortiz on Tuesday said", "the group in a statement said": a time or occasion between subject and verb. */
const ADJUNCT_START = /^(?:on|in|at|during|last|this|earlier|late|early|later|over|via|through)$/;
const ADJUNCT_WORD = /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|morning|afternoon|evening|night|day|week|weekend|month|year|statement|interview|email|e-mail|letter|speech|call|tweet|post|release|briefing|conference|hearing|rally|appearance|remarks|filing|court|\d{4}|january|february|march|april|may|june|july|august|september|october|november|december)$/;

/** The subject without clause openers before it and a time or occasion after it. */
function subjectCore(subject: Token[]): Token[] {
  let start = 0;
  while (start < subject.length - 1 && CLAUSE_OPENERS.test(subject[start].lower)) start++;
  let end = subject.length;
  for (let i = Math.max(start + 1, subject.length - 5); i < subject.length; i++) {
    if (ADJUNCT_START.test(subject[i].lower) && subject.slice(i + 1).some(t => ADJUNCT_WORD.test(t.lower))) {
      end = i;
      break;
    }
  }
  // "The Harbor Bank just this week": an adverb before the time.
  while (end > start + 1 && VERB_AFTER_ADVERB.test(subject[end - 1].lower)) end--;
  return subject.slice(start, end);
}

/**
 * Finds `subject (adverb) verb` in tokens; the subject runs back to the clause start (comma or start). `verbAt`
 * says how many tokens of a verb start at a position: reporting verbs unless told otherwise.
 */
export function findReportingClause(tokens: readonly Token[], from = 0, to = tokens.length, verbAt: (tokens: readonly Token[], i: number) => number = verbLengthAt): ReportingClause | undefined {
  for (let i = from; i < to; i++) {
    const length = verbAt(tokens, i);
    if (!length) continue;
    let subjectEnd = i;
    // "South Africa continues to call for", "she appeared to suggest": the verb before "to" is part of the cue.
    if (subjectEnd - 2 > from && tokens[subjectEnd - 1].lower === 'to' && CATENATIVE.test(tokens[subjectEnd - 2].lower)) subjectEnd -= 2;
    // "Varga now says", "Aho has long argued", "the bank just this week announced": up to two adverbs.
    for (let n = 0; n < 2 && subjectEnd > from && VERB_AFTER_ADVERB.test(tokens[subjectEnd - 1].lower); n++) subjectEnd--;
    // "many leaders have noted", "Smith had earlier said": the auxiliary is part of the verb, not the subject.
    while (subjectEnd > from && AUXILIARY.test(tokens[subjectEnd - 1].lower)) subjectEnd--;
    // "has been endorsed by", "was told": a passive verb's subject is not who speaks.
    if (subjectEnd < i && /^(?:is|are|was|were|be|been|being)$/.test(tokens[i - 1].lower) && /(?:ed|ld|lt|ght|wn)$/.test(tokens[i].lower)) continue;
    if (subjectEnd > from && VERB_AFTER_ADVERB.test(tokens[subjectEnd - 1].lower)) subjectEnd--;
    let subjectStart = subjectEnd;
    while (subjectStart > from && subjectEnd - subjectStart < 8 && !/[,;:()"“”—–―]/.test(tokens[subjectStart].gap)) subjectStart--;
    if (subjectStart === subjectEnd) continue;
    const written = tokens.slice(subjectStart, subjectEnd);
    // "… appeared at the forum and said": the verb shares the subject of the verb before "and".
    if (/^(?:and|but)$/.test(written[written.length - 1].lower)) return { verb: i, verbLength: length, subject: [], coordinated: true };
    return { verb: i, verbLength: length, subject: subjectCore(written) };
  }
  return undefined;
}

/**
 * A verb of stance ("wants", "blamed", "has questioned") at `i`: one token, or none. After a determiner the
 * word is a noun ("the plan", "their support").
 */
export const stanceVerbAt = (tokens: readonly Token[], i: number): number =>
  STANCE_VERB_SET.has(tokens[i]?.lower ?? '') && !(i > 0 && DETERMINERS.has(tokens[i - 1].lower)) && !insideName(tokens, i) ? 1 : 0;

/** A capitalized word right after another is part of a name, not a verb: "the United States", "the Clean Harbour Plan". */
const insideName = (tokens: readonly Token[], i: number) => i > 0 && isCapitalized(tokens[i].text) && isCapitalized(tokens[i - 1].text) && isSpaceGap(tokens[i].gap);

export function verbLengthAt(tokens: readonly Token[], i: number): number {
  const one = tokens[i]?.lower;
  if (!one || insideName(tokens, i)) return 0;
  const next = tokens[i + 1];
  // "continues to wage": a verb before "to" says how, not what; the verb after it is the cue, if any.
  if (next?.lower === 'to' && CATENATIVE.test(one)) return 0;
  // "an analysis of campaign reports shows": a plural noun before a verb, not a verb.
  if (next && NOUN_OR_VERB.test(one) && /^\s+$/.test(next.gap) && (REPORTING_VERB_SET.has(next.lower) || EVIDENCE_VERB_SET.has(next.lower) || /^(?:is|are|was|were|have|has|had)$/.test(next.lower))) return 0;
  // "a fund for states to build", "the reports of the panel": after a preposition or a determiner, a noun.
  const previous = tokens[i - 1]?.lower;
  if (previous && NOUN_OR_VERB.test(one) && /^(?:for|of|to|in|on|with|from|by|among|between|the|a|these|those|its|their|our|his|her|all|many|some|both|several|other)$/.test(previous)) return 0;
  // Only a handful of words start a two-word verb ("pointed out"); no string is built for the others.
  if (next && TWO_WORD_VERB_STARTS.has(one) && /^\s+$/.test(next.gap) && REPORTING_VERB_SET.has(`${one} ${next.lower}`)) return 2;
  return REPORTING_VERB_SET.has(one) ? 1 : 0;
}
