/** Whether a quoted span is someone's words, and whose: cues after and before the marks, labels, fragments. */
import { REPORTING_VERB_SET } from './lexicon';
import { describedSource, SpeakerContext, stanceVerbAt, verbLengthAt, type Source } from './attribution';
import type { Quote, Span } from '../model';
import { type MarkedSpan } from '../read/quotationMarks';
import { isCapitalized, tokenize, type Token } from '../read/tokens';
import { looksLikePersonName, unknownPersonName } from './people';
import { trimEndOf } from '../read/trim';
import { MIN_QUOTE_WORDS, CUE_WINDOW, tokensBetween, wordCount, type SpeakerOf, person, lastReportingClause, relativeAntecedent, isParticiple, sentenceSubject, sentenceSource, openingSubject, withoutParentheses, cueAfter, appositiveSubject } from './clauses';

/** Quoted text that names a work or a policy rather than reports speech ("an event themed “...”"). */
const NAMING_BEFORE = /\b(?:themed|named|titled|entitled|called|dubbed|so-called|known as|slogan|motto|headlined|the term|the phrase|the word|the words)\s*(?:[,:]\s*)?$/i;

/** `Senator Ines Halloran: “…”` and `**The Minister:** “…”`: the label before the colon names the speaker. */
const LABEL = /^([^:;.!?"“”]{2,100}?)\s*:\s*$/;

/** Verbs that put a few quoted words in someone's mouth inside the writer's sentence: called it “a mistake”. */
const FRAGMENT_VERBS = /^(?:called|calls|call|described|describes|dismissed|dismisses|denounced|denounces|branded|brands|labeled|labelled|labels|termed|terms|hailed|hails|praised|praises|slammed|slams|criticized|criticised|criticizes|accused|accuses|protested|protests|decried|decries|lauded|lauds|touted|touts|blasted|blasts|vowed|vows|promised|promises|pledged|warned|urged|characterized|characterised|deemed|referred|likened|likens|compared|compares|mocked|mocks|ridiculed|ridicules|admires|admired|lambasted|lambastes|condemned|condemns|derided|derides|attacked|attacks|exhorted|exhorts|cited|cites|invoked|invokes|characterizes)$/;

const FRAGMENT_MAX_WORDS = 12;
/** Capitalised words that name no one: pronouns opening a sentence. */
const PRONOUNS = /^(?:I|He|She|We|They|It|You|This|That)$/;

/** Quotations whose cue names a speaker the text does not resolve ("she said" with no woman named): no one else's. */
export const cuedWithoutSpeaker = new WeakSet<Quote>();

/** Decides whether a quoted span is someone's words, and whose. */
export function directQuote(text: string, mark: MarkedSpan, sentence: Span, paragraph: Span, tokens: Token[], context: SpeakerContext, continuing: { speaker: string | null; speakerKind?: Quote['speakerKind']; via?: string } | undefined, leadSpeaker: string | undefined): Quote | undefined {
  const content = text.slice(mark.content.start, mark.content.end);
  const words = wordCount(content);
  if (words === 0) return undefined;
  // Cues sit right next to the quotation; looking at a bounded window keeps long paragraphs linear.
  const before = text.slice(Math.max(sentence.start, mark.outer.start - CUE_WINDOW), mark.outer.start);
  if (NAMING_BEFORE.test(before.slice(-40))) return undefined;
  // `on Channel Five’s “Foreign Desk Tonight.”`, `in “Northern Lights”`: a title in Title Case after "on", "in" or a possessive.
  if (words >= 2 && /(?:\b(?:on|in)|['’]s)\s*$/i.test(before) && namesAThing(content)) return undefined;
  // The quote's text and span leave out surrounding spaces and the comma before the closing mark.
  const cleaned = trimEndOf(content, /[\s,]/).trim();
  const start = mark.content.start + (content.length - content.trimStart().length);
  const span = { start, end: start + cleaned.length };
  const make = (speaker: SpeakerOf, via?: string, kind: 'direct' | 'fragment' = 'direct'): Quote => ({
    text: cleaned,
    speaker: speaker?.name ?? null,
    ...(speaker && speaker.kind !== 'person' ? { speakerKind: speaker.kind } : {}),
    ...(via && via !== speaker?.name ? { via } : {}),
    kind,
    span,
  });

  // A transcript excerpt quoted whole: `"FARROW: But, Minister, …` is the labelled speaker's.
  const label = /^\s*([A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,2}):\s/.exec(content);
  if (label && words >= MIN_QUOTE_WORDS) {
    const labelled = label[1].replace(/[\p{L}]+/gu, word => word[0] + word.slice(1).toLowerCase());
    return make(person(context.resolveSubject(tokenize(labelled)) ?? labelled));
  }

  // A paragraph that opens with a mark right after an unclosed quotation continues it, unless a cue of its own
  // follows ("“…,” added Ambassador Edvardsen": the quotation before was left unclosed by mistake).
  const continues = continuing && mark.outer.start === paragraph.start;
  const continued = () => make(continuing!.speaker ? { name: continuing!.speaker, kind: continuing!.speakerKind ?? 'person' } : null, continuing!.via);

  // Cue after the closing mark: `," he said`, `," said Yang`, `," Qin told CMG`, `," a source said`.
  // After the closing mark the cue may follow a quotation of several sentences, so look past the sentence.
  const afterTokens = mark.outer.end <= sentence.end - 2 ? tokensBetween(tokens, mark.outer.end, mark.outer.end + CUE_WINDOW) : tokenize(text, mark.outer.end, Math.min(paragraph.end, mark.outer.end + CUE_WINDOW));
  // `“…” ― Rosa Linde` (a reader's comment signed with a dash): the name after the dash, alone.
  const signed = DASH_SIGNATURE.exec(text.slice(mark.outer.end, Math.min(paragraph.end, mark.outer.end + 80)));
  if (signed) {
    const name = tokenize(signed[1]);
    const speaker = context.resolveSubject(name) ?? (looksLikePersonName(name) ? signed[1].trim() : undefined);
    if (speaker) return make(person(speaker));
  }
  const beforeTokens = withoutParentheses(tokensBetween(tokens, mark.outer.start - CUE_WINDOW, mark.outer.start));
  // `Mayor Roy said “the question is timing.” Kell said it was wrong`: a quotation closed by a full stop (or a
  // question mark) after a cue of its own ends that sentence, and the cue after it opens the next one. Only a
  // named subject counts: recounted dialogue ("He said, “…” I said, “…”") is left to the cue after it.
  // Found once, when first needed: most quotations are settled by the cue after them.
  let clauseBefore: ReturnType<typeof lastReportingClause> | null = null;
  const lastClause = () => (clauseBefore === null ? (clauseBefore = lastReportingClause(beforeTokens)) : clauseBefore);
  const cueBefore = /[.?!]$/.test(cleaned) ? lastClause() : undefined;
  const named = (subject: readonly Token[]) => subject.some(token => isCapitalized(token.text) && !PRONOUNS.test(token.text));
  const closedAfterItsCue = cueBefore !== undefined && (named(cueBefore.subject) || cueBefore.coordinated && named(tokensBetween(tokens, sentence.start, mark.outer.start).slice(0, 3)));
  const after = closedAfterItsCue ? undefined : cueAfter(afterTokens, context, text);
  const cued = after !== undefined && /^\s*(?:[,—–-]\s*)?$/.test(text.slice(mark.outer.end, afterTokens[0]?.start ?? mark.outer.end).replace(/["”']/g, ''));
  if (continues && !(cued && after)) return continued();
  if (cued) {
    // `Aasen called it “a shameful surrender,” he said`: words in the middle of the writer's sentence are a fragment.
    const embedded = words <= FRAGMENT_MAX_WORDS && /[\p{Ll}\d]\s*$/u.test(before) && !/(?:[,:]|\bthat)\s*$/.test(before.trimEnd());
    const quote = make(after, quotingVia(before, context, after?.name ?? null), embedded ? 'fragment' : 'direct');
    if (after === null) cuedWithoutSpeaker.add(quote);
    return quote;
  }

  // Cue before the opening mark within the sentence: `He continued, "`, `Yang said: "`, `Le said that "`.
  const quoting = quotedSource(before, context);
  // "… a supplier who claimed he was owed money went unpaid, saying, “…”": a participle after a comma right before the marks
  // reports for the sentence's subject, whatever clause comes before it ("showing Clinton saying" does not).
  const participleRightBefore = /,\s*(\p{Ll}+ing),?:?\s*$/u.exec(before);
  const clause = participleRightBefore && REPORTING_VERB_SET.has(participleRightBefore[1]) ? undefined : lastClause();
  const adjacent = /(?:,|:|\bthat)\s*$/.test(before.trimEnd()) || /[,:]\s*$/.test(before);
  if (clause) {
    // `X said “…”` with no comma: the quotation is the object of the verb, a direct quotation all the same.
    const rightAfterVerb = clause.verb + clause.verbLength === beforeTokens.length;
    const resolved = clause.coordinated ? undefined : context.resolveSource(clause.subject, text, beforeTokens[clause.verb].lower) ?? relativeAntecedent(clause, sentence, context, text);
    // "…, saying that …" / "by announcing that …": a participle reports the sentence's subject.
    const subjectOfSentence = clause.coordinated || (!resolved && isParticiple(beforeTokens[clause.verb])) ? sentenceSubject(tokens, mark.outer.start, sentence, context) : undefined;
    const speaker = subjectOfSentence ? { name: subjectOfSentence, kind: 'person' as const } : resolved;
    if (speaker && (adjacent || rightAfterVerb)) return quoting ? make(person(quoting), speaker.name) : make(speaker);
    if (speaker && words <= FRAGMENT_MAX_WORDS) {
      // `saying that these only “expose their ignorance”`: a clause of the speaker's own words. A single quoted
      // word (“listening”) and words inside a noun phrase (a “frank and useful” meeting) are the writer's.
      if (words >= 2 && !modifiesNoun(text, mark)) return quoting ? make(person(quoting), speaker.name, 'fragment') : make(speaker, undefined, 'fragment');
      return undefined;
    }
    if (speaker && words >= MIN_QUOTE_WORDS) return quoting ? make(person(quoting), speaker.name) : make(speaker);
    if (!speaker && adjacent && words >= MIN_QUOTE_WORDS) return make(null);
  }
  // "The envoy wrote online, saying that the ministry should publish the annex “without delay.”": a
  // reporting verb with no subject of its own (a participle after a comma) reports the sentence's subject.
  if (!clause && words >= 2 && words <= FRAGMENT_MAX_WORDS && !modifiesNoun(text, mark) && beforeTokens.some((_, i) => verbLengthAt(beforeTokens, i) > 0)) {
    const speaker = sentenceSource(tokens, mark.outer.start, sentence, context, text);
    // "…, replying, “Every page of the contract is online.”" quotes a whole utterance; "… urging envoys to “stay at the table” …" a fragment.
    if (speaker) return make(speaker, undefined, /[,:]\s*$/.test(before) ? 'direct' : 'fragment');
  }
  // "…, telling the chair that “I will not sign any clause …”": a participle's whole quotation.
  if (!clause && adjacent && words > FRAGMENT_MAX_WORDS && beforeTokens.slice(-8).some((token, i, last) => isParticiple(token) && verbLengthAt(last, i) > 0)) {
    const speaker = sentenceSource(tokens, mark.outer.start, sentence, context, text);
    if (speaker) return make(speaker);
  }
  // "Stenmark, the harbour chief, said the divers found “no trace of oil along any part of the hull the tanker
  // left at the old pier,” and …": a long quotation inside the writer's clause is the reporting subject's too, as a short one is above.
  // One that opens with a capital ("…, saying “He’s playing politics …”") is a whole utterance, left to the rules below.
  if (!clause && !adjacent && words > FRAGMENT_MAX_WORDS && /[\p{Ll}\d]\s*$/u.test(before) && /^[\p{Ll}\d]/u.test(cleaned) && !modifiesNoun(text, mark) && beforeTokens.some((_, i) => verbLengthAt(beforeTokens, i) > 0)) {
    const speaker = sentenceSource(tokens, mark.outer.start, sentence, context, text);
    if (speaker) return make(speaker, undefined, 'fragment');
  }
  // "The Secretary-General, in his annual review of the shipping lanes, observed: “…”": subject, aside, verb.
  if (!clause && adjacent && words >= MIN_QUOTE_WORDS) {
    const appositive = appositiveSubject(tokens.filter(t => t.end <= mark.outer.start), context, text);
    if (appositive) return make(appositive.speaker);
  }
  // "President Okafor commended ..., saying, “...”": the sentence's subject speaks.
  // "…, replying, “Every page of the contract is online.”": any reporting participle.
  const participle = /\b(\p{Ll}+ing),?\s*$/u.exec(before);
  if (participle && REPORTING_VERB_SET.has(participle[1]) && words >= MIN_QUOTE_WORDS) {
    const speaker = sentenceSource(tokens, mark.outer.start, sentence, context, text);
    if (speaker) return make(speaker);
  }
  const afterText = text.slice(mark.outer.end, Math.min(sentence.end, mark.outer.end + CUE_WINDOW));
  // "The ministry dismisses what a senator calls “a quiet betrayal”": who calls it so speaks, else the sentence's subject.
  const whatItCalls = WHAT_X_CALLS.exec(before.slice(-120));
  if (whatItCalls) {
    const named = context.resolveSource(tokenize(whatItCalls[1]), whatItCalls[1]);
    const speaker = named ?? person(sentenceSubject(tokens, mark.outer.start, sentence, context));
    if (speaker) return make(speaker, undefined, words <= FRAGMENT_MAX_WORDS ? 'fragment' : 'direct');
  }
  // "Ferrante’s assertion that customs fraud costs “nearly a billion euros”": the claim's owner speaks.
  const window = before.slice(-220);
  const claim = CLAIM_THAT.exec(window);
  if (claim) {
    // The owner: the capitalized words right before the possessive.
    const owner = tokenize(window.slice(0, claim.index)).slice(-4);
    while (owner.length && !isCapitalized(owner[0].text)) owner.shift();
    const speaker = owner.length ? context.resolveSource(owner, window) : undefined;
    if (speaker) return make(speaker, undefined, words <= FRAGMENT_MAX_WORDS ? 'fragment' : 'direct');
  }
  // "…," as a customs notice put it. / as the daily put it in a portrait, “…”
  const asPutIt = AS_PUT_IT_AFTER.exec(afterText) ?? AS_PUT_IT_BEFORE.exec(before.slice(-160));
  if (asPutIt) {
    const speaker = context.resolveSource(tokenize(asPutIt[1]), asPutIt[1]);
    if (speaker) return make(speaker, undefined, words <= FRAGMENT_MAX_WORDS && /[\p{L}\d]\s*$/u.test(before) ? 'fragment' : 'direct');
  }
  // eslint-disable-next-line regexp/no-super-linear-backtracking -- `before` is a window of CUE_WINDOW characters
  if (/\baccording to\s+[^,]{2,60},?\s*$/i.test(before) || /^\s*(?:,\s*)?according to\b/i.test(afterText)) {
    const name = /according to\s+([^,]+)/i.exec(before + afterText)?.[1];
    const speaker = name ? context.resolveSource(tokenize(name), name) : undefined;
    if (speaker) return make(speaker);
  }

  // A label: `Name: “…”`, the paragraph's first words ending in a colon right before the mark.
  // (Measured on the words: in Markdown, a blanked link destination may stand between the label and the mark.)
  // "Said Adebayo: “…”" opening a sentence inside a paragraph.
  const saidLabel = /^\s*Said ([^:;.!?"“”\s][^:;.!?"“”]{1,59}):\s*$/.exec(text.slice(sentence.start, mark.outer.start));
  const saidBy = saidLabel ? context.resolveSubject(tokenize(saidLabel[1])) ?? unknownPersonName(tokenize(saidLabel[1])) : undefined;
  if (saidBy) return make(person(saidBy));
  if (mark.outer.start - paragraph.start <= 600) {
    const label = LABEL.exec(text.slice(paragraph.start, mark.outer.start).replace(/\s+/g, ' ').trim());
    // "Said Adebayo: “…”" puts the verb first.
    if (label) label[1] = label[1].replace(/^(?:said|says|added|asked|wrote|continued)\s+/i, '');
    const known = label ? context.resolveSubject(tokenize(label[1].split(',')[0])) : undefined;
    if (known) return make(person(known));
    if (label && leadSpeaker && words >= 2) return make(person(leadSpeaker)); // `[On Iran](…): “…”` under a lead-in
    const speaker = label ? labelSpeaker(label[1], context) : undefined;
    if (speaker) return make(speaker);
  }
  if (leadSpeaker && words >= 2 && before.trim() === '') return make(person(leadSpeaker));
  // `Aasen called the deal “a shameful surrender”`, `protested against its “contempt”`: the sentence's subject.
  if (/[\p{L}\d]\s*$/u.test(before) && !modifiesNoun(text, mark)) {
    const speaker = fragmentSpeaker(beforeTokens, context, text, () => sentenceSubject(tokens, mark.outer.start, sentence, context));
    if (speaker) return make(speaker, undefined, words <= FRAGMENT_MAX_WORDS ? 'fragment' : 'direct');
  }
  // A quotation standing as its own sentence, with no cue: the current speaker goes on talking.
  const standsAlone = before.trim() === '' && words >= 6 && /^[\s.,!?]*$/.test(text.slice(mark.outer.end, sentence.end));
  if (standsAlone && context.speaker) return make(person(context.speaker));
  return quotedInPassing(cleaned, before, text, mark, tokens, context, make);
}

/**
 * Quoted words in the writer's sentence that no cue attributes: "Okafor compared the inspectors to “masked
 * thugs”", "the order ends what critics called the “catch-and-release” era". They are someone's words all the
 * same, and a writer searching for them should find them, as fragments of the writer's sentence: the subject
 * opening the sentence when a verb follows it, else no one (a phrase with no speaker is never given the paragraph's). Single words, names of things in
 * Title Case ("Victory Day", “Fostering the Future”) and modifiers of a noun are left alone.
 */
function quotedInPassing(cleaned: string, before: string, text: string, mark: MarkedSpan, tokens: Token[], context: SpeakerContext, make: (speaker: SpeakerOf, via?: string, kind?: 'fragment') => Quote): Quote | undefined {
  const words = wordCount(cleaned);
  if (words < 2 || !/[\p{L}\d,]\s*$/u.test(before) || modifiesNoun(text, mark) || namesAThing(cleaned)) return undefined;
  const subject = openingSubject(tokens, mark.outer.start, context);
  const quote = make(subject ? person(subject) : null, undefined, 'fragment');
  if (!subject) cuedWithoutSpeaker.add(quote);
  passingQuotes.add(quote);
  return quote;
}

/** Quotations found by `quotedInPassing`: they do not keep a sentence from being read as a report as well. */
export const passingQuotes = new WeakSet<Quote>();

/** Every word that is not a small word capitalized: the name of a day, a programme, a show or a law. */
function namesAThing(words: string): boolean {
  return words.split(/\s+/).filter(w => /\p{L}/u.test(w) && !/^(?:a|an|the|and|of|or|to|in|on|for|at|by|with|from)$/.test(w)).every(w => /^[^\p{L}]*[\p{Lu}\d]/u.test(w));
}

/** "what it calls", "what they call the rival’s": the words that follow are someone's name for a thing. */
// eslint-disable-next-line regexp/no-super-linear-backtracking -- tried on the 120 characters before a mark
const WHAT_X_CALLS = /\bwhat\s+([\p{L}’' .-]{1,40}?)\s+(?:calls|called|call|describes|described|terms|termed)\b[^.;“”"]{0,60}$/u;

/** The possessive of a claim's owner, then the claim: "Ferrante’s assertion that …", "the envoy's warning that …". */
const CLAIM_THAT = /['’]s?\s+(?:(?:repeated|latest|earlier|new)\s+)?(?:claim|claims|assertion|argument|prediction|warning|promise|vow|insistence|statement|contention|charge|allegation|suggestion|remark|comment|declaration|boast|emphasis)\s+that\b[^“”"]{0,200}$/u;

// eslint-disable-next-line regexp/no-super-linear-backtracking -- tried on a window of CUE_WINDOW characters
const AS_PUT_IT_AFTER = /^[\s,]*as\s+([^,.;“”"]{2,60}?)\s+(?:put it|said|wrote|noted)\b/i;

// eslint-disable-next-line regexp/no-super-linear-backtracking -- tried on the 160 characters before a mark
const AS_PUT_IT_BEFORE = /\bas\s+([^,.;“”"]{2,60}?)\s+(?:put it|said|wrote|noted)\b[^.;“”"]{0,60}$/i;

/** A dash and a name closing the paragraph or followed by a period: `“…” ― Rosa Linde.`, `― Ana B. Ruiz Soto`. */
const DASH_SIGNATURE = /^\s*[―—–]\s*([A-Z][\p{L}'’-]*(?: (?:[A-Z]\.|[A-Z][\p{L}'’-]*)){1,4})(?:[.,;]|\s*$|\s*[“"])/u;

/** `a “listening” phase`, `a “frank and useful” meeting`: quoted words used as a modifier of a noun. */
function modifiesNoun(text: string, mark: MarkedSpan): boolean {
  const after = text.slice(mark.outer.end, mark.outer.end + 3);
  const before = text.slice(Math.max(0, mark.outer.start - 8), mark.outer.start);
  // "dismissed the schedule as a “paper tiger” during …": the words after "as" are the speaker's verdict.
  if (/\bas\s+(?:a|an|the)\s*$/i.test(before)) return false;
  // `“open to new members,” agreed`: punctuation closing the quoted words ends the phrase.
  if (/[,.;:!?]$/.test(text.slice(mark.content.start, mark.content.end).trimEnd())) return false;
  return /^ \p{Ll}/u.test(after) && !/^ (?:of|to|in|on|and|or|against|for|with|by|from|at|as)\b/.test(text.slice(mark.outer.end, mark.outer.end + 10)) && /\b(?:a|an|the|no|its|their|his|her|this|that)\s*$/i.test(before);
}

/** Words between a subject and its verb that are not part of the subject: "Krogh openly described". */
const BETWEEN_SUBJECT_AND_VERB = /^(?:also|then|later|once|again|repeatedly|further|even|has|have|had|is|was|were|are|will|would|did|does|previously|recently|\p{L}+ly)$/u;

/**
 * The subject of a verb like "called" or "dismissed" before the quoted words, when it names someone; when
 * the words right before the verb name no one ("X, who left in May, blasted Y as a “…”"), the sentence's subject.
 */
function fragmentSpeaker(tokens: readonly Token[], context: SpeakerContext, text: string, sentenceSubjectOf: () => string | undefined): Source | undefined {
  for (let i = tokens.length - 1; i > 0; i--) {
    // Verbs of stance name a position too: "blamed the shootings on “…”", "has been pounding X as a “…”".
    if (!FRAGMENT_VERBS.test(tokens[i].lower) && !stanceVerbAt(tokens, i)) continue;
    let start = i;
    while (start > 0 && i - start < 8 && !/[,;:()"“”—–―]/.test(tokens[start].gap)) start--;
    const subject = tokens.slice(start, i).filter(t => !BETWEEN_SUBJECT_AND_VERB.test(t.lower));
    for (let n = subject.length; n > 0; n--) {
      const speaker = context.resolveSource(subject.slice(subject.length - n), text);
      if (speaker) return speaker;
    }
    // Only when nothing but an aside stands between the sentence's start and the verb's clause.
    const clauseOpensAtComma = start === i || /,/.test(tokens[start].gap);
    const named = clauseOpensAtComma ? sentenceSubjectOf() : undefined;
    return named ? { name: named, kind: 'person' } : undefined;
  }
  return undefined;
}

/**
 * Who a label names: a person ("Senator Ines Halloran", "Chad Smith, Smith Tomato Farm (Steele, AL)"), else a named
 * organisation ("Axios"). A label the document does not otherwise know is a name when it reads like one.
 */
function labelSpeaker(label: string, context: SpeakerContext): Source | undefined {
  const head = label.split(',')[0].trim();
  const tokens = tokenize(head);
  const known = context.resolveSubject(tokens);
  if (known) return { name: known, kind: 'person' };
  if (tokens.length >= 2 && tokens.length <= 4 && tokens.every(t => isCapitalized(t.text)) && looksLikePersonName(tokens)) return { name: head.replace(/\s+/g, ' '), kind: 'person' };
  const source = describedSource(tokens, head);
  return source?.kind === 'organisation' ? source : undefined;
}

/** "Quoting President Xi, the ambassador said ..." / "As Deng Xiaoping once pointed out, '...'" → the original speaker. */
function quotedSource(before: string, context: SpeakerContext): string | undefined {
  const match = /\b(?:quoting|citing|in the words of)\s+([^,]{2,60}),/i.exec(before);
  return match ? context.resolveSubject(tokenize(match[1])) : undefined;
}

function quotingVia(before: string, context: SpeakerContext, speaker: string | null): string | undefined {
  return quotedSource(before, context) && speaker ? speaker : undefined;
}
