import { REPORTING_VERB_SET } from './lexicon';
import { describedSource, findReportingClause, sourceNamedIn, SpeakerContext, verbLengthAt, type Source } from './attribution';
import type { DocumentKind, Quote, Span } from '../model';
import type { Mention, PeopleInDocument } from './people';
import { firstAfter } from '../read/spans';
import { findNestedQuotes, findQuotationMarks, type MarkedSpan } from '../read/quotationMarks';
import { splitSentences } from '../read/sentences';
import { isCapitalized, tokenize, type Token } from '../read/tokens';
import { looksLikePersonName, unknownPersonName } from './people';
import { trimEndOf } from '../read/trim';
import { findTurns } from './transcript';

export interface QuoteInput {
  readonly text: string;
  /** Body paragraphs (debris and the title already removed). */
  readonly paragraphs: readonly Span[];
  readonly people: PeopleInDocument;
  readonly kind: DocumentKind;
  /** The principal speaker(s) known so far, for speeches and "the President". */
  readonly principal: readonly string[];
  /** Roles the title gives principal speakers ("President" for "Remarks by President Biden"). */
  readonly principalRoles?: ReadonlyMap<string, string>;
  /** For Markdown documents, by paragraph start: headings (and wholly bold lines), and the list an item is in. */
  readonly structure?: ReadonlyMap<number, { readonly heading: boolean; readonly list?: number }>;
}

/** Quoted text that names a work or a policy rather than reports speech ("an event themed “...”"). */
const NAMING_BEFORE = /\b(?:themed|named|titled|entitled|called|dubbed|so-called|known as|slogan|motto|headlined|the term|the phrase|the word|the words)\s*(?:[,:]\s*)?$/i;
const MIN_QUOTE_WORDS = 4;
/** How far before and after a quotation its attribution is looked for, in characters. */
const CUE_WINDOW = 240;

/** Tokens inside [start, end), found by binary search (tokens are in text order). */
function tokensBetween(tokens: Token[], start: number, end: number): Token[] {
  let low = 0, high = tokens.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (tokens[middle].start < start) low = middle + 1;
    else high = middle;
  }
  let last = low;
  while (last < tokens.length && tokens[last].end <= end) last++;
  return tokens.slice(low, last);
}

const wordCount = (text: string) => (text.match(/[\p{L}\p{N}]+/gu) ?? []).length;

/**
 * Finds the quotations and reported statements of a document with who said them. Transcripts yield one
 * `transcript` quote per turn, speeches one `speech` quote per paragraph, other documents `direct` and
 * `reported` quotes attributed through reporting cues.
 */
export function findQuotes(input: QuoteInput): Quote[] {
  const turns = findTurns(input.text, input.paragraphs, input.people, input.principal, input.principalRoles, p => input.structure?.get(p.start)?.list !== undefined);
  // A speech whose speaker the text does not name (UN debate transcripts) is still one speech.
  const spoken = input.kind === 'speech' || (input.kind === 'statement' && input.principal.length > 0);
  const quotes = turns.length >= 2 ? withQuotedOthers(input, turns) : spoken ? speechParagraphs(input) : withEmbeddedRemarks(input);
  // Hard-wrapped archives break lines inside quotations; the words are what matter. In Markdown, blanked
  // markup leaves a space where `*remarkable*.` had its mark: punctuation closes up again.
  const tidy = input.structure ? (text: string) => text.replace(/\s+/g, ' ').replace(/ (?=[.,;:!?”’)\]])/g, '').replace(/(?<=[“‘(\[]) /g, '') : (text: string) => text.replace(/\s+/g, ' ');
  return quotes.map(quote => (input.structure || /\s\s|[^\S ]/.test(quote.text) ? { ...quote, text: tidy(quote.text) } : quote));
}

function speechParagraphs(input: QuoteInput): Quote[] {
  const speaker = input.principal[0] ?? null;
  // Words the speaker quotes from others ("The Secretary-General observed: “…”") are those people's too.
  // Only paragraphs with a quotation mark can hold one, and most speech paragraphs have none.
  const paragraphs = input.paragraphs
    // A paragraph entirely in quotation marks at the top of a speech is a pull quote repeating the body.
    .filter(p => wordCount(input.text.slice(p.start, p.end)) >= 3 && !/^["“][^"“”]*["”]$/.test(input.text.slice(p.start, p.end).trim()))
    .filter(p => !input.structure?.get(p.start)?.heading && !/^(?:\*\*|#|AS PREPARED|AS DELIVERED|END\b|###)/.test(input.text.slice(p.start, p.end)))
    .map(p => ({ text: stripMarks(input.text.slice(p.start, p.end)), speaker, kind: 'speech' as const, span: p }));
  return withQuotedOthers(input, paragraphs);
}

/**
 * Speeches and transcript turns, with the words they quote from others: a reporter's question "… the
 * President tweeted yesterday that “…”", a speech's "The Secretary-General observed: “…”". Only paragraphs
 * with a quotation mark can hold one, and most have none.
 */
function withQuotedOthers(input: QuoteInput, spoken: Quote[]): Quote[] {
  const withMarks = input.paragraphs.filter(p => /["“”„«»]|''/.test(input.text.slice(p.start, p.end)));
  if (withMarks.length === 0) return spoken;
  // Both lists are in text order: one sweep finds the turn or paragraph each quotation is in.
  let at = 0;
  const speakerAt = (offset: number) => {
    while (at < spoken.length && spoken[at].span.end <= offset) at++;
    return at < spoken.length && spoken[at].span.start <= offset ? spoken[at].speaker : null;
  };
  const quotedOthers = findAttributedQuotes({ ...input, paragraphs: withMarks })
    .filter(q => (q.kind === 'direct' || q.kind === 'fragment') && q.speaker && !q.speakerKind && q.speaker !== speakerAt(q.span.start));
  return quotedOthers.length ? [...spoken, ...quotedOthers].sort((a, b) => a.span.start - b.span.start) : spoken;
}

/** A heading that introduces remarks inside another document: "Full Remarks by First Lady Melania Trump". */
// eslint-disable-next-line regexp/no-super-linear-backtracking -- only tried on paragraphs under 160 characters
const REMARKS_HEADING = /^(?:\*\*)?\s*(?:full\s+|prepared\s+)?(?:remarks|statement|speech|address)\s+(?:by|of|from)\s+(.{3,80}?)\s*(?:\*\*)?\s*(?:\(as (?:prepared for delivery|delivered)\))?\s*(?:\*\*)?$/i;

/** Articles that end with "Full Remarks by X": the article's quotes, then X's remarks as speech paragraphs. */
function withEmbeddedRemarks(input: QuoteInput): Quote[] {
  const heading = input.paragraphs.findIndex(p => p.end - p.start < 160 && REMARKS_HEADING.test(input.text.slice(p.start, p.end).replace(/\s+/g, ' ').trim()));
  if (heading === -1) return findAttributedQuotes(input);
  const label = REMARKS_HEADING.exec(input.text.slice(input.paragraphs[heading].start, input.paragraphs[heading].end).replace(/\s+/g, ' ').trim())![1];
  const words = label.replace(/\*/g, '').trim().split(/\s+/);
  let speaker: string | undefined;
  for (let i = 0; i < words.length && !speaker; i++) speaker = input.people.resolve(words.slice(i).join(' '));
  if (!speaker) return findAttributedQuotes(input);
  const before = findAttributedQuotes({ ...input, paragraphs: input.paragraphs.slice(0, heading) });
  return [...before, ...speechParagraphs({ ...input, paragraphs: input.paragraphs.slice(heading + 1), principal: [speaker] })];
}

function stripMarks(text: string): string {
  const opened = text.replace(/^["“]\s*/, '');
  return /["”]$/.test(opened) ? trimEndOf(opened.slice(0, -1), /\s/) : opened;
}

function findAttributedQuotes(input: QuoteInput): Quote[] {
  const { text } = input;
  const marksByParagraph = input.paragraphs.map(paragraph => findQuotationMarks(text, paragraph));
  const quoted = marksByParagraph.flat().map(mark => mark.content);
  // Someone named as speaking inside a quotation ("As Deng once pointed out, ...") is not the current speaker.
  // Both lists are in text order: one sweep keeps this linear in long documents.
  const speakingMentions: Mention[] = [];
  // People named inside a quotation are the speaker's subject, never who "he" or "she" is outside it.
  const mentionedInQuotes = new Set<Mention>();
  let q = 0;
  for (const mention of input.people.mentions) {
    while (q < quoted.length && quoted[q].end < mention.span.end) q++;
    if (q < quoted.length && quoted[q].start <= mention.span.start && mention.span.end <= quoted[q].end) {
      mentionedInQuotes.add(mention);
      continue;
    }
    if (mention.speaking) speakingMentions.push(mention);
  }
  const upcoming = (offset: number) => speakingMentions[firstAfter(speakingMentions, offset)]?.person;
  // The lede: the first paragraph that is prose, not a headline or a byline.
  const lede = input.paragraphs.find(p => wordCount(text.slice(p.start, p.end)) >= 15);
  const paragraphSpans = input.paragraphs.map(span => ({ span }));
  const context = new SpeakerContext(input.people, upcoming, lede?.end ?? 0, mention => mentionedInQuotes.has(mention), (start, end) => {
    // Paragraphs are in text order: the first one starting after `start` tells.
    const next = input.paragraphs[firstAfter(paragraphSpans, start)];
    return !!next && next.start < end;
  });
  context.speaker = input.principal[0];
  const quotes: Quote[] = [];
  let continuing: { speaker: string | null; speakerKind?: Quote['speakerKind']; via?: string } | undefined; // a quotation running into the next paragraph
  let mentionIndex = 0;
  // "**Secretary Rubio then told reporters:**" over a list: every item of that list is the speaker's.
  let leadIn: { speaker: string; list?: number } | undefined;

  for (const [paragraphIndex, paragraph] of input.paragraphs.entries()) {
    const marks = marksByParagraph[paragraphIndex];
    const list = input.structure?.get(paragraph.start)?.list;
    if (leadIn && (list === undefined || (leadIn.list ??= list) !== list)) leadIn = undefined;
    const leadSpeaker = leadIn?.speaker;
    const sentences = sentencesAround(splitSentences(text, paragraph), marks);
    const pending: { mark: MarkedSpan; quote: Quote }[] = [];
    let paragraphSpeaker: Quote | undefined;

    for (const sentence of sentences) {
      // Keep "he" pointing at the last person named as speaking before this sentence.
      while (mentionIndex < speakingMentions.length && speakingMentions[mentionIndex].span.start < sentence.start) context.speaker = speakingMentions[mentionIndex++].person;
      const tokens = tokenize(text, sentence.start, sentence.end);
      const sentenceMarks = marks.filter(m => m.outer.start >= sentence.start && m.outer.start < sentence.end);
      let quotedHere = false;
      for (const mark of sentenceMarks) {
        const quote = directQuote(text, mark, sentence, paragraph, tokens, context, continuing, leadSpeaker);
        if (!quote) continue;
        quotedHere = true;
        quotes.push(quote);
        pending.push({ mark, quote });
        quotes.push(...nestedQuotes(text, mark, quote, input.people));
        if (quote.speaker) {
          // "he" and the paragraph's unattributed quotations follow people, never "a source" or a ministry.
          if (!quote.speakerKind) context.speaker = quote.speaker;
          paragraphSpeaker = quote;
        }
      }
      // A sentence with a partial quotation may also report, in the writer's words, what came before it.
      const firstMark = sentenceMarks[0];
      const reportable = !quotedHere || (firstMark && wordCount(text.slice(sentence.start, firstMark.outer.start)) >= 10);
      const shortMarks = sentenceMarks.every(m => wordCount(text.slice(m.content.start, m.content.end)) < 12);
      let reported = reportable && (shortMarks || !quotedHere) ? reportedStatement(text, sentence, tokens, context, firstMark && quotedHere ? firstMark.outer.start : sentence.end) : undefined;
      // `Omar urged them to “vote your conscience” and said he …`: a report after the sentence's quotations.
      const lastMark = sentenceMarks[sentenceMarks.length - 1];
      if (!reported && quotedHere && shortMarks && lastMark) {
        reported = reportedStatement(text, sentence, tokens, context, sentence.end, lastMark.outer.end);
      }
      if (reported) {
        quotes.push(reported);
        if (!reported.speakerKind) context.speaker = reported.speaker ?? undefined;
      }
    }
    // Quotes of this paragraph that found no speaker take the one the paragraph names ("..." , he said. "...").
    if (paragraphSpeaker) {
      const { speaker, speakerKind } = paragraphSpeaker;
      for (const { quote } of pending) if (!quote.speaker && !cuedWithoutSpeaker.has(quote)) Object.assign(quote, { speaker, ...(speakerKind ? { speakerKind } : {}) });
    }
    const last = pending[pending.length - 1];
    continuing = last?.mark.open ? { speaker: last.quote.speaker, speakerKind: last.quote.speakerKind, via: last.quote.via } : undefined;
    if (marks.length === 0 && input.structure && list === undefined) {
      // "X then told reporters:", or a heading naming one person ("**Special Envoy Steve Witkoff on CNN**").
      const speaker = leadInSpeaker(text, paragraph, context) ?? (input.structure.get(paragraph.start)?.heading ? onlyPersonIn(paragraph, input.people) : undefined);
      if (speaker) leadIn = { speaker };
    }
  }
  return quotes;
}

/** The one person a short paragraph names, if it names exactly one. */
function onlyPersonIn(paragraph: Span, people: PeopleInDocument): string | undefined {
  if (paragraph.end - paragraph.start > 200) return undefined;
  const named = new Set(people.mentions.filter(m => m.span.start >= paragraph.start && m.span.end <= paragraph.end).map(m => m.person));
  return named.size === 1 ? [...named][0] : undefined;
}

/** The speaker of a lead-in paragraph that ends with a colon and names who speaks ("X then told reporters:"). */
function leadInSpeaker(text: string, paragraph: Span, context: SpeakerContext): string | undefined {
  if (paragraph.end - paragraph.start > 300 || !/:\s*$/.test(text.slice(paragraph.start, paragraph.end))) return undefined;
  const tokens = tokenize(text, paragraph.start, paragraph.end);
  const clause = findReportingClause(tokens);
  return clause ? context.resolveSubject(clause.subject) : undefined;
}

/** `Senator Jo Smith: “…”` and `**The Minister:** “…”`: the label before the colon names the speaker. */
const LABEL = /^([^:;.!?"“”]{2,100}?)\s*:\s*$/;

/** Verbs that put a few quoted words in someone's mouth inside the writer's sentence: called it “a mistake”. */
const FRAGMENT_VERBS = /^(?:called|calls|call|described|describes|dismissed|dismisses|denounced|denounces|branded|brands|labeled|labelled|labels|termed|terms|hailed|hails|praised|praises|slammed|slams|criticized|criticised|criticizes|accused|accuses|protested|protests|decried|decries|lauded|lauds|touted|touts|blasted|blasts|vowed|vows|promised|promises|pledged|warned|urged|characterized|characterised|deemed|referred|likened|likens|compared|compares|mocked|mocks|ridiculed|ridicules|admires|admired|lambasted|lambastes|condemned|condemns|derided|derides|attacked|attacks|exhorted|exhorts|cited|cites|invoked|invokes|characterizes)$/;
const FRAGMENT_MAX_WORDS = 12;

type SpeakerOf = Source | null | undefined;
/** Quotations whose cue names a speaker the text does not resolve ("she said" with no woman named): no one else's. */
const cuedWithoutSpeaker = new WeakSet<Quote>();
const person = (name: string | null | undefined): SpeakerOf => (name ? { name, kind: 'person' } : name === null ? null : undefined);

/** Decides whether a quoted span is someone's words, and whose. */
function directQuote(text: string, mark: MarkedSpan, sentence: Span, paragraph: Span, tokens: Token[], context: SpeakerContext, continuing: { speaker: string | null; speakerKind?: Quote['speakerKind']; via?: string } | undefined, leadSpeaker: string | undefined): Quote | undefined {
  const content = text.slice(mark.content.start, mark.content.end);
  const words = wordCount(content);
  if (words === 0) return undefined;
  // Cues sit right next to the quotation; looking at a bounded window keeps long paragraphs linear.
  const before = text.slice(Math.max(sentence.start, mark.outer.start - CUE_WINDOW), mark.outer.start);
  if (NAMING_BEFORE.test(before.slice(-40))) return undefined;
  // `on Fox News’s “Fox and Friends.”`, `in “American Skin”`: a title in Title Case after "on", "in" or a possessive.
  if (words >= 2 && /(?:\b(?:on|in)|['’]s)\s*$/i.test(before) && content.split(/\s+/).filter(w => /\p{L}/u.test(w) && !/^(?:a|an|the|and|of|or|to|in|on|for|at|by|with)$/.test(w)).every(w => /^[\p{Lu}\d]/u.test(w))) return undefined;
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

  // A transcript excerpt quoted whole: `"WALLACE: But, Governor, …` is the labelled speaker's.
  const label = /^\s*([A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,2}):\s/.exec(content);
  if (label && words >= MIN_QUOTE_WORDS) {
    const labelled = label[1].replace(/[\p{L}]+/gu, word => word[0] + word.slice(1).toLowerCase());
    return make(person(context.resolveSubject(tokenize(labelled)) ?? labelled));
  }

  // A paragraph that opens with a mark right after an unclosed quotation continues it, unless a cue of its own
  // follows ("“…,” added Rep. Clyburn": the quotation before was left unclosed by mistake).
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
  const after = cueAfter(afterTokens, context, text);
  const cued = after !== undefined && /^\s*(?:[,—–-]\s*)?$/.test(text.slice(mark.outer.end, afterTokens[0]?.start ?? mark.outer.end).replace(/["”']/g, ''));
  if (continues && !(cued && after)) return continued();
  if (cued) {
    // `Smith called it “a historic mistake,” he said`: words in the middle of the writer's sentence are a fragment.
    const embedded = words <= FRAGMENT_MAX_WORDS && /[\p{Ll}\d]\s*$/u.test(before) && !/(?:[,:]|\bthat)\s*$/.test(before.trimEnd());
    const quote = make(after, quotingVia(before, context, after?.name ?? null), embedded ? 'fragment' : 'direct');
    if (after === null) cuedWithoutSpeaker.add(quote);
    return quote;
  }

  // Cue before the opening mark within the sentence: `He continued, "`, `Yang said: "`, `Le said that "`.
  const beforeTokens = withoutParentheses(tokensBetween(tokens, mark.outer.start - CUE_WINDOW, mark.outer.start));
  const quoting = quotedSource(before, context);
  const clause = lastReportingClause(beforeTokens);
  const adjacent = /(?:,|:|\bthat)\s*$/.test(before.trimEnd()) || /[,:]\s*$/.test(before);
  if (clause) {
    // `X said “…”` with no comma: the quotation is the object of the verb, a direct quotation all the same.
    const rightAfterVerb = clause.verb + clause.verbLength === beforeTokens.length;
    const resolved = clause.coordinated ? undefined : context.resolveSource(clause.subject, text) ?? relativeAntecedent(clause, sentence, context);
    // "…, saying that …" / "by announcing that …": a participle reports the sentence's subject.
    const subjectOfSentence = clause.coordinated || (!resolved && isParticiple(beforeTokens[clause.verb])) ? sentenceSubject(tokens, mark.outer.start, sentence, context) : undefined;
    const speaker = subjectOfSentence ? { name: subjectOfSentence, kind: 'person' as const } : resolved;
    if (speaker && (adjacent || rightAfterVerb)) return quoting ? make(person(quoting), speaker.name) : make(speaker);
    if (speaker && words <= FRAGMENT_MAX_WORDS) {
      // `saying that these only “expose their ignorance”`: a clause of the speaker's own words. A single quoted
      // word (“exploring”) and words inside a noun phrase (a “timely and important” call) are the writer's.
      if (words >= 2 && !modifiesNoun(text, mark)) return quoting ? make(person(quoting), speaker.name, 'fragment') : make(speaker, undefined, 'fragment');
      return undefined;
    }
    if (speaker && words >= MIN_QUOTE_WORDS) return quoting ? make(person(quoting), speaker.name) : make(speaker);
    if (!speaker && adjacent && words >= MIN_QUOTE_WORDS) return make(null);
  }
  // "The mayor wrote online, saying that the city should publish the report “without delay.”": a
  // reporting verb with no subject of its own (a participle after a comma) reports the sentence's subject.
  if (!clause && words >= 2 && words <= FRAGMENT_MAX_WORDS && !modifiesNoun(text, mark) && beforeTokens.some((_, i) => verbLengthAt(beforeTokens, i) > 0)) {
    const speaker = sentenceSubject(tokens, mark.outer.start, sentence, context);
    // "…, asserting, “Of course, I pay taxes.”" quotes a whole utterance; "… urging voters to “check out” …" a fragment.
    if (speaker) return make(person(speaker), undefined, /[,:]\s*$/.test(before) ? 'direct' : 'fragment');
  }
  // "…, telling the host that “I'm not okay with …”": a participle's whole quotation.
  if (!clause && adjacent && words > FRAGMENT_MAX_WORDS && beforeTokens.slice(-8).some((token, i, last) => isParticiple(token) && verbLengthAt(last, i) > 0)) {
    const speaker = sentenceSubject(tokens, mark.outer.start, sentence, context);
    if (speaker) return make(person(speaker));
  }
  // "The Secretary-General, in his report on Our Common Agenda, observed: “…”": subject, aside, verb.
  if (!clause && adjacent && words >= MIN_QUOTE_WORDS) {
    const appositive = appositiveSubject(tokens.filter(t => t.end <= mark.outer.start), context, text);
    if (appositive) return make(appositive.speaker);
  }
  // "President Trump commended ..., saying, “...”": the sentence's subject speaks.
  // "…, asserting, “Of course, I pay taxes.”": any reporting participle.
  const participle = /\b(\p{Ll}+ing),?\s*$/u.exec(before);
  if (participle && REPORTING_VERB_SET.has(participle[1]) && words >= MIN_QUOTE_WORDS) {
    const speaker = sentenceSubject(tokens, mark.outer.start, sentence, context);
    if (speaker) return make(person(speaker));
  }
  const afterText = text.slice(mark.outer.end, Math.min(sentence.end, mark.outer.end + CUE_WINDOW));
  // "It is denouncing what it calls “the biggest media attack”": who calls it so speaks, else the sentence's subject.
  const whatItCalls = WHAT_X_CALLS.exec(before.slice(-120));
  if (whatItCalls) {
    const named = context.resolveSource(tokenize(whatItCalls[1]), whatItCalls[1]);
    const speaker = named ?? person(sentenceSubject(tokens, mark.outer.start, sentence, context));
    if (speaker) return make(speaker, undefined, words <= FRAGMENT_MAX_WORDS ? 'fragment' : 'direct');
  }
  // "Gibbs's claim that there have been “thousands of shootings”": the claim's owner speaks.
  const window = before.slice(-220);
  const claim = CLAIM_THAT.exec(window);
  if (claim) {
    // The owner: the capitalized words right before the possessive.
    const owner = tokenize(window.slice(0, claim.index)).slice(-4);
    while (owner.length && !isCapitalized(owner[0].text)) owner.shift();
    const speaker = owner.length ? context.resolveSource(owner, window) : undefined;
    if (speaker) return make(speaker, undefined, words <= FRAGMENT_MAX_WORDS ? 'fragment' : 'direct');
  }
  // "…," as a department memo put it. / as the paper put it in a profile, “…”
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
  // "Said Ellis: “…”" opening a sentence inside a paragraph.
  const saidLabel = /^\s*Said ([^:;.!?"“”\s][^:;.!?"“”]{1,59}):\s*$/.exec(text.slice(sentence.start, mark.outer.start));
  const saidBy = saidLabel ? context.resolveSubject(tokenize(saidLabel[1])) ?? unknownPersonName(tokenize(saidLabel[1])) : undefined;
  if (saidBy) return make(person(saidBy));
  if (mark.outer.start - paragraph.start <= 600) {
    const label = LABEL.exec(text.slice(paragraph.start, mark.outer.start).replace(/\s+/g, ' ').trim());
    // "Said Okafor: “…”" puts the verb first.
    if (label) label[1] = label[1].replace(/^(?:said|says|added|asked|wrote|continued)\s+/i, '');
    const known = label ? context.resolveSubject(tokenize(label[1].split(',')[0])) : undefined;
    if (known) return make(person(known));
    if (label && leadSpeaker && words >= 2) return make(person(leadSpeaker)); // `[On Iran](…): “…”` under a lead-in
    const speaker = label ? labelSpeaker(label[1], context) : undefined;
    if (speaker) return make(speaker);
  }
  if (leadSpeaker && words >= 2 && before.trim() === '') return make(person(leadSpeaker));
  // `Smith called the plan “a historic mistake”`, `protested against its “bullying”`: the sentence's subject.
  if (/[\p{L}\d]\s*$/u.test(before) && !modifiesNoun(text, mark)) {
    const speaker = fragmentSpeaker(beforeTokens, context, text, () => sentenceSubject(tokens, mark.outer.start, sentence, context));
    if (speaker) return make(speaker, undefined, words <= FRAGMENT_MAX_WORDS ? 'fragment' : 'direct');
  }
  // A quotation standing as its own sentence, with no cue: the current speaker goes on talking.
  const standsAlone = before.trim() === '' && words >= 6 && /^[\s.,!?]*$/.test(text.slice(mark.outer.end, sentence.end));
  if (standsAlone && context.speaker) return make(person(context.speaker));
  return undefined;
}

/** "what it calls", "what they call the rival’s": the words that follow are someone's name for a thing. */
// eslint-disable-next-line regexp/no-super-linear-backtracking -- tried on the 120 characters before a mark
const WHAT_X_CALLS = /\bwhat\s+([\p{L}’' .-]{1,40}?)\s+(?:calls|called|call|describes|described|terms|termed)\b[^.;“”"]{0,60}$/u;

/** The possessive of a claim's owner, then the claim: "Gibbs’s claim that …", "the president's warning that …". */
const CLAIM_THAT = /['’]s?\s+(?:(?:repeated|latest|earlier|new)\s+)?(?:claim|claims|assertion|argument|prediction|warning|promise|vow|insistence|statement|contention|charge|allegation|suggestion|remark|comment|declaration|boast|emphasis)\s+that\b[^“”"]{0,200}$/u;
// eslint-disable-next-line regexp/no-super-linear-backtracking -- tried on a window of CUE_WINDOW characters
const AS_PUT_IT_AFTER = /^[\s,]*as\s+([^,.;“”"]{2,60}?)\s+(?:put it|said|wrote|noted)\b/i;
// eslint-disable-next-line regexp/no-super-linear-backtracking -- tried on the 160 characters before a mark
const AS_PUT_IT_BEFORE = /\bas\s+([^,.;“”"]{2,60}?)\s+(?:put it|said|wrote|noted)\b[^.;“”"]{0,60}$/i;

/** A dash and a name closing the paragraph or followed by a period: `“…” ― Rosa Linde.` */
const DASH_SIGNATURE = /^\s*[―—–]\s*([A-Z][\p{L}'’-]*(?: [A-Z][\p{L}'’-]*){1,3})(?:[.,;]|\s*$|\s*[“"])/u;

/**
 * Sentences, with those that split a quotation joined again: `“… controversy. It is over,” Grant said.` is
 * one sentence, so that the cue after the closing mark is read with the quotation.
 */
function sentencesAround(sentences: Span[], marks: readonly MarkedSpan[]): Span[] {
  if (marks.length === 0 || sentences.length < 2) return sentences;
  const joined: Span[] = [];
  let m = 0;
  for (const sentence of sentences) {
    const last = joined[joined.length - 1];
    while (m < marks.length && marks[m].outer.end <= (last?.end ?? sentence.start)) m++;
    // The boundary between `last` and `sentence` falls inside the mark that is open across it.
    if (last && m < marks.length && marks[m].outer.start < last.end && marks[m].outer.end > sentence.start) {
      joined[joined.length - 1] = { start: last.start, end: sentence.end };
    } else {
      joined.push(sentence);
    }
  }
  return joined;
}

/**
 * The reporting clause nearest a quotation: in "When Clinton noted that …, Trump boasted, “…”" the words are
 * Trump's, not Clinton's.
 */
function lastReportingClause(tokens: readonly Token[]): ReturnType<typeof findReportingClause> {
  let last: ReturnType<typeof findReportingClause>;
  for (let from = 0; from < tokens.length; ) {
    const clause = findReportingClause(tokens, from);
    if (!clause) break;
    last = clause;
    from = clause.verb + clause.verbLength;
  }
  return last;
}

/** "Mitch Conway, now the leader, who in 2010 said …": a relative pronoun's antecedent, the last person named before it. */
function relativeAntecedent(clause: NonNullable<ReturnType<typeof findReportingClause>>, sentence: Span, context: SpeakerContext): Source | undefined {
  const [pronoun] = clause.subject;
  if (clause.subject.length !== 1 || pronoun.lower !== 'who') return undefined;
  const name = context.lastNamedIn(sentence.start, pronoun.start);
  return name ? { name, kind: 'person' } : undefined;
}

const isParticiple = (token: Token | undefined) => !!token && /ing$/.test(token.lower);

/** The person a sentence opens with ("President Trump commended …"), else the first person it names before `end`. */
function sentenceSubject(tokens: readonly Token[], end: number, sentence: Span, context: SpeakerContext): string | undefined {
  const lead = tokens.filter(t => t.end <= end);
  for (let n = Math.min(5, lead.length); n >= 1; n--) {
    const speaker = context.resolveSubject(lead.slice(0, n));
    if (speaker) return speaker;
  }
  return context.firstNamedIn(sentence.start, end);
}

/** `an “exploring” period`, `a “timely and important” call`: quoted words used as a modifier of a noun. */
function modifiesNoun(text: string, mark: MarkedSpan): boolean {
  const after = text.slice(mark.outer.end, mark.outer.end + 3);
  const before = text.slice(Math.max(0, mark.outer.start - 8), mark.outer.start);
  // "dismissed the plan as a “cruel joke” during …": the words after "as" are the speaker's verdict.
  if (/\bas\s+(?:a|an|the)\s*$/i.test(before)) return false;
  // `a “one-term president,” agreed`: punctuation closing the quoted words ends the phrase.
  if (/[,.;:!?]$/.test(text.slice(mark.content.start, mark.content.end).trimEnd())) return false;
  return /^ \p{Ll}/u.test(after) && !/^ (?:of|to|in|on|and|or|against|for|with|by|from|at|as)\b/.test(text.slice(mark.outer.end, mark.outer.end + 10)) && /\b(?:a|an|the|no|its|their|his|her|this|that)\s*$/i.test(before);
}

/**
 * Tokens with parenthesized asides left out, the next token taking a plain space: in `Rep. Dana Whitfield
 * (R-Ore.) said`, the party and state stand between the name and its verb.
 */
function withoutParentheses(tokens: Token[]): Token[] {
  if (!tokens.some(token => token.gap.includes('('))) return tokens;
  const kept: Token[] = [];
  let depth = 0;
  for (const token of tokens) {
    const opens = (token.gap.match(/\(/g) ?? []).length, closes = (token.gap.match(/\)/g) ?? []).length;
    const wasInside = depth > 0;
    depth = Math.max(0, depth + opens - closes);
    if (depth > 0) continue;
    kept.push(wasInside || closes > 0 ? { ...token, gap: token.gap.replace(/[()]/g, '').replace(/^\s*$/, ' ') || ' ' } : token);
  }
  return kept;
}

/** Words between a subject and its verb that are not part of the subject: "Pruitt further described". */
const BETWEEN_SUBJECT_AND_VERB = /^(?:also|then|later|once|again|repeatedly|further|even|has|have|had|is|was|were|are|will|would|did|does|previously|recently|\p{L}+ly)$/u;

/**
 * The subject of a verb like "called" or "dismissed" before the quoted words, when it names someone; when
 * the words right before the verb name no one ("X, who left in May, blasted Y as a “…”"), the sentence's subject.
 */
function fragmentSpeaker(tokens: readonly Token[], context: SpeakerContext, text: string, sentenceSubjectOf: () => string | undefined): Source | undefined {
  for (let i = tokens.length - 1; i > 0; i--) {
    if (!FRAGMENT_VERBS.test(tokens[i].lower)) continue;
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
 * Who a label names: a person ("Senator Jo Smith", "Chad Smith, Smith Tomato Farm (Steele, AL)"), else a named
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

/** `," he said` / `," said Yang` / `," Qin told CMG` / `," a source said` right after a closing mark; undefined when no cue. */
function cueAfter(written: Token[], context: SpeakerContext, text: string): SpeakerOf {
  const tokens = withoutParentheses(written);
  if (tokens.length === 0) return undefined;
  // Verb first: "said Yang", "added the minister".
  const verbFirst = verbLengthAt(tokens, 0);
  if (verbFirst) {
    const subject: Token[] = [];
    for (let i = verbFirst; i < tokens.length && subject.length < 8 && (i === verbFirst || /^(?:\s+|\/)$/.test(tokens[i].gap)); i++) subject.push(tokens[i]);
    // "“…,” agreed." ends a clause whose subject came before the quotation: no cue here.
    if (subject.length === 0 || /[.;!?]/.test(subject[0].gap)) return undefined;
    for (let n = subject.length; n > 0; n--) {
      const speaker = context.resolveSubject(subject.slice(0, n));
      if (speaker) return { name: speaker, kind: 'person' };
    }
    // A name nobody introduced ("said Del. Maria Ortega of Guam") before a description.
    for (let n = subject.length; n > 0; n--) {
      const name = unknownPersonName(subject.slice(0, n));
      if (name) return { name, kind: 'person' };
    }
    // "said 9/11 widow Terry Strada": a description before the name.
    for (let k = 1; k < subject.length; k++) {
      const speaker = context.resolveSubject(subject.slice(k)) ?? unknownPersonName(subject.slice(k));
      if (speaker) return { name: speaker, kind: 'person' };
    }
    for (let n = subject.length; n > 0; n--) {
      const source = sourceNamedIn(subject.slice(0, n), text);
      if (source) return source;
    }
    return null;
  }
  const clause = findReportingClause(tokens, 0, Math.min(tokens.length, 11));
  if (clause && clause.subject[0] === tokens[0]) return context.resolveSource(clause.subject, text) ?? null;
  // "Mr. Dunn, 71, told me", "Smith, the chief executive of a studio, said": the name, an appositive, the verb.
  const comma = tokens.findIndex((token, i) => i > 0 && i <= 6 && token.gap.includes(','));
  if (comma > 0) {
    // The appositive closes with a comma right before the verb; the first such verb ends it.
    for (let v = comma + 1; v < Math.min(tokens.length, comma + APPOSITIVE_MAX_TOKENS); v++) {
      if (!verbLengthAt(tokens, v)) continue;
      // "Lio Marchetti, 25, said": the appositive is the age alone.
      const verbAfterAge = v === comma + 1 && /^\d{1,3}$/.test(tokens[comma].text);
      if (!tokens[v].gap.includes(',') && !verbAfterAge) continue;
      const speaker = context.resolveSource(tokens.slice(0, comma), text);
      return speaker?.kind === 'person' ? speaker : undefined;
    }
  }
  return undefined;
}

/** "Quoting President Xi, the ambassador said ..." / "As Deng Xiaoping once pointed out, '...'" → the original speaker. */
function quotedSource(before: string, context: SpeakerContext): string | undefined {
  const match = /\b(?:quoting|citing|in the words of)\s+([^,]{2,60}),/i.exec(before);
  return match ? context.resolveSubject(tokenize(match[1])) : undefined;
}

function quotingVia(before: string, context: SpeakerContext, speaker: string | null): string | undefined {
  return quotedSource(before, context) && speaker ? speaker : undefined;
}

/** Words a speaker quotes from someone else inside their own quotation. */
function nestedQuotes(text: string, mark: MarkedSpan, outer: Quote, people: PeopleInDocument): Quote[] {
  const found: Quote[] = [];
  for (const nested of findNestedQuotes(text, mark.content)) {
    const lead = text.slice(Math.max(mark.content.start, nested.outer.start - 80), nested.outer.start);
    const cue = /(?:^|[.,;]\s*)(?:as\s+)?((?:[A-Z][\w.’'-]*\s+){0,4}[A-Z][\w’'-]*)\s+(?:once\s+|also\s+)?(?:said|pointed out|noted|put it|wrote|stated|told)\s*(?:[,:]\s*)?$/.exec(lead);
    const speaker = cue ? people.resolve(cue[1]) : undefined;
    if (!speaker || wordCount(text.slice(nested.content.start, nested.content.end)) < MIN_QUOTE_WORDS) continue;
    found.push({ text: text.slice(nested.content.start, nested.content.end).trim(), speaker, ...(outer.speaker ? { via: outer.speaker } : {}), kind: 'direct', span: nested.content });
  }
  return found;
}

/** A reported statement of `speaker` from `start` to `stop`, trimmed; none under four words. */
function reportedQuote(text: string, speaker: Source, start: number, stop: number, via?: string): Quote | undefined {
  const content = trimEndOf(text.slice(start, stop), /[\s.,;:]/).trim();
  if (wordCount(content) < 4) return undefined;
  const offset = start + (text.slice(start, stop).length - text.slice(start, stop).trimStart().length);
  return { text: content, speaker: speaker.name, ...(speaker.kind !== 'person' ? { speakerKind: speaker.kind } : {}), ...(via && via !== speaker.name ? { via } : {}), kind: 'reported', span: { start: offset, end: offset + content.length } };
}

/** "Qin pointed out that ...", "Yang said China's door ...", "..., he added.", "According to Le, ..." */
function reportedStatement(text: string, sentence: Span, tokens: Token[], context: SpeakerContext, end: number, from = sentence.start): Quote | undefined {
  if (tokens.length < 5) return undefined;
  if (from > sentence.start) return reportingClauseStatement(text, sentence, tokens, context, end, from);
  const sentenceText = text.slice(sentence.start, end);
  const make = (speaker: Source, start: number, stop: number) => reportedQuote(text, speaker, start, stop);
  // "According to Le, the next few months will be critical ..."
  const according = /^\s*according to\s+([^,]{2,60}),\s*/i.exec(sentenceText);
  if (according) {
    const speaker = context.resolveSource(tokenize(according[1]), according[1]);
    if (speaker) return make(speaker, sentence.start + according[0].length, end);
  }
  // Trailing attribution after a comma: "China will focus on ..., Yang said.", "..., a source said on Tuesday."
  if (end === sentence.end) {
    const tail = tailAttribution(tokens, context, text);
    if (tail && wordCount(text.slice(sentence.start, tail.comma)) >= 5) return make(tail.speaker, sentence.start, tail.comma);
  }
  // "Richard Roe, director of an institute, said the tariffs …": a name, an appositive, the verb.
  const appositive = appositiveSubject(tokens, context, text);
  if (appositive && tokens[appositive.content] && tokens[appositive.content].start < end) {
    return make(appositive.speaker, tokens[appositive.content].start, end);
  }
  return reportingClauseStatement(text, sentence, tokens, context, end, sentence.start);
}

/** `Subject verb (that) content` after `after`: "However, Le pointed out that …", "Qin told X that …". */
function reportingClauseStatement(text: string, sentence: Span, tokens: Token[], context: SpeakerContext, end: number, after: number): Quote | undefined {
  const sentenceText = text.slice(sentence.start, end);
  const make = (speaker: Source, start: number, stop: number, via?: string) => reportedQuote(text, speaker, start, stop, via);
  // Leading attribution, possibly after an introductory phrase ("However, Le pointed out that ...").
  const quoting = /^\s*(?:quoting|citing)\s+([^,]{2,60}),/i.exec(sentenceText);
  // "Rep. Dana Whitfield (D-Ore.) said …": the party and state stand between the name and its verb.
  tokens = withoutParentheses(tokens);
  for (let from = tokens.findIndex(t => t.start >= after); from !== -1 && from < tokens.length; ) {
    const clause = findReportingClause(tokens, from, tokens.length);
    if (!clause) break;
    const resolved = clause.coordinated ? undefined : FINDING_VERBS.has(tokens[clause.verb].lower) ? findingSource(clause.subject, context, text) : context.resolveSource(clause.subject, text) ?? relativeAntecedent(clause, sentence, context);
    const subjectOfSentence = clause.coordinated || (!resolved && isParticiple(tokens[clause.verb])) ? sentenceSubject(tokens, tokens[clause.verb].start, sentence, context) : undefined;
    const speaker = subjectOfSentence ? { name: subjectOfSentence, kind: 'person' as const } : resolved;
    if (speaker) {
      let contentStart = clause.verb + clause.verbLength;
      // "Qin told China Media Group's Washington bureau that …": what follows "told" is the listener.
      if (/^(?:told|tells|tell|telling)$/.test(tokens[clause.verb].lower)) {
        const that = tokens.findIndex((t, k) => k > contentStart && k <= contentStart + 8 && t.lower === 'that');
        if (that === -1) {
          from = clause.verb + clause.verbLength;
          continue;
        }
        contentStart = that;
      }
      // "said on Tuesday that …", "said to reporters that …": the words start after "that"; "said to the nominee
      // as he passed" and "said of the election" report none.
      const says = /^(?:said|says|say|added|adds|wrote|writes)$/.test(tokens[clause.verb].lower);
      if (says && /^(?:to|of|about|in|on|at|with|during|after|before|from|for|by|last|this|earlier)$/.test(tokens[contentStart]?.lower ?? '')) {
        const that = tokens.findIndex((t, k) => k > contentStart && k <= contentStart + 8 && t.lower === 'that' && !/[.;]/.test(t.gap));
        if (that === -1) return undefined;
        contentStart = that;
      }
      if (tokens[contentStart]?.lower === 'that') contentStart++;
      const first = tokens[contentStart];
      if (!first || first.start >= end) return undefined;
      // `,” he said, adding …` after a quotation: the cue of that quotation, not a report of its own.
      if (after > sentence.start && first.gap.includes(',')) return undefined;
      const source = quoting ? context.resolveSubject(tokenize(quoting[1])) : undefined;
      return source ? make({ name: source, kind: 'person' }, first.start, end, speaker.name) : make(speaker, first.start, end);
    }
    from = clause.verb + clause.verbLength;
  }
  // "Judge Bell rejected the request, saying the courts …": a participle after a comma has no subject of its own.
  const participle = tokens.findIndex((t, k) => t.start >= after && k > 0 && t.gap.includes(',') && isParticiple(t) && verbLengthAt(tokens, k) > 0 && !/^(?:told|telling)$/.test(t.lower));
  if (participle !== -1) {
    const speaker = sentenceSubject(tokens, tokens[participle].start, sentence, context);
    let contentStart = participle + verbLengthAt(tokens, participle);
    if (tokens[contentStart]?.lower === 'that') contentStart++;
    const first = tokens[contentStart];
    if (speaker && first && first.start < end && !first.gap.includes(',')) return make({ name: speaker, kind: 'person' }, first.start, end);
  }
  return undefined;
}

/** Verbs that report a finding when "that" follows ("The Ledger found that …"): polls, studies, newspapers. */
const FINDING_VERBS = new Set(['found', 'finds', 'shows', 'show', 'showed', 'estimates', 'estimated', 'revealed', 'reveals', 'concludes', 'suggests', 'determined']);

/** Who reports a finding: a person the document knows, else what the subject names, as an organisation. */
function findingSource(subject: readonly Token[], context: SpeakerContext, text: string): Source | undefined {
  const person = context.resolveSubject(subject);
  if (person) return { name: person, kind: 'person' };
  const described = describedSource(subject, text);
  if (described) return described;
  if (subject.length === 0 || subject.length > 6 || !subject.some(token => isCapitalized(token.text))) return undefined;
  return { name: text.slice(subject[0].start, subject[subject.length - 1].end).replace(/^the\s+/i, '').replace(/\s+/g, ' '), kind: 'organisation' };
}

/** `Name, appositive, said (that) …` at the start of a sentence: the speaker, and where the content starts. */
function appositiveSubject(tokens: Token[], context: SpeakerContext, text: string): { speaker: Source; content: number } | undefined {
  const comma = tokens.findIndex((token, i) => i > 0 && i <= 7 && token.gap.includes(','));
  if (comma <= 0) return undefined;
  for (let v = comma + 1; v < Math.min(tokens.length, comma + APPOSITIVE_MAX_TOKENS); v++) {
    const length = verbLengthAt(tokens, v);
    if (!length) continue;
    if (!tokens[v].gap.includes(',')) return undefined; // the appositive closes with a comma right before the verb
    const speaker = context.resolveSource(tokens.slice(0, comma), text) ?? context.resolveSource(tokens.slice(comma, v), text);
    if (!speaker) return undefined;
    let content = v + length;
    if (tokens[content]?.lower === 'that') content++;
    return { speaker, content };
  }
  return undefined;
}

const FINITE_VERB = /^(?:is|are|was|were|will|would|has|have|had|can|could|should|may|might|must|did|does|do|isn't|wasn't|won't|didn't|doesn't)$/;

/** How long an appositive between a name and its verb may run: "Ann Lee, a fellow at … and a former …, said". */
const APPOSITIVE_MAX_TOKENS = 40;

/** The last comma-clause of a sentence when it attributes what comes before: ", Yang said", ", said a source". */
function tailAttribution(tokens: Token[], context: SpeakerContext, text: string): { speaker: Source; comma: number } | undefined {
  let tried = 0;
  for (let i = tokens.length - 1; i > 0 && tried < 3; i--) {
    if (!tokens[i].gap.includes(',')) continue;
    tried++;
    if (tokens.length - i > 20 + APPOSITIVE_MAX_TOKENS) return undefined;
    // The clause must end the sentence: ", Yang said on Tuesday", not ", Yang said that …" (that is a new report).
    const tail = tokens.slice(i);
    if (tail[0].lower === 'according' && tail[1]?.lower === 'to' && tail.length <= 10) {
      const source = context.resolveSource(tail.slice(2), text);
      if (source) return { speaker: source, comma: tokens[i - 1].end };
      continue;
    }
    let verb = -1;
    for (let k = 0; k < Math.min(tail.length, 12) && verb === -1; k++) if (verbLengthAt(tail, k) > 0) verb = k;
    // ", said Brian Baker, a longtime adviser to the family who …": a name and its appositive may run long.
    const named = tail.findIndex((t, k) => k > verb && k <= verb + 6 && t.gap.includes(','));
    const spoken = named === -1 ? tail.length - verb : named - verb;
    // ", said many examples were wrong" reports a clause, not who spoke: a verb after the cue opens one.
    const reportsClause = tail.slice(verb + 1, verb + spoken).some(t => t.lower === 'that' || FINITE_VERB.test(t.lower));
    if (verb === -1 || verb > 11 || spoken > 12 || reportsClause) continue;
    const speaker = cueAfter(tail, context, text);
    if (speaker) return { speaker, comma: tokens[i - 1].end };
  }
  return undefined;
}
