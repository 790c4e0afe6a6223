import { findReportingClause, SpeakerContext } from './attribution';
import type { DocumentKind, Quote, Span } from '../model';
import { REPORTING_VERB_SET } from './lexicon';
import type { Mention, PeopleInDocument } from './people';
import { firstAfter } from '../read/spans';
import { findNestedQuotes, findQuotationMarks, type MarkedSpan } from '../read/quotationMarks';
import { splitSentences } from '../read/sentences';
import { tokenize, tokensWithin } from '../read/tokens';
import { trimEndOf } from '../read/trim';
import { findTurns } from './transcript';
import { MIN_QUOTE_WORDS, wordCount } from './clauses';
import { cuedWithoutSpeaker, directQuote, passingQuotes } from './directQuote';
import { reportedStatement } from './reportedStatement';

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
  return quotes.map(quote => {
    if (!input.structure && !/\s\s|[^\S ]/.test(quote.text)) return quote;
    const tidied = { ...quote, text: tidy(quote.text) };
    if (passingQuotes.has(quote)) passingQuotes.add(tidied);
    return tidied;
  });
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
  const spokenAt = (offset: number) => {
    while (at < spoken.length && spoken[at].span.end <= offset) at++;
    return at < spoken.length && spoken[at].span.start <= offset ? spoken[at] : undefined;
  };
  const quotedOthers: Quote[] = [];
  for (const quote of findAttributedQuotes({ ...input, paragraphs: withMarks })) {
    if (quote.kind !== 'direct' && quote.kind !== 'fragment' || !quote.speaker || quote.speakerKind) continue;
    const around = spokenAt(quote.span.start);
    if (!around) {
      quotedOthers.push(quote);
      continue;
    }
    const cue = cuedByPronoun(input.text, quote.span);
    if (quote.speaker === around.speaker || cue === 'first') continue;
    // Inside a turn or a speech, someone quoted is named in it, or by the words that cue the quotation ("as the
    // President said, “…”"); the woman of the speaker's story ("She said, “…”") is no one the document names.
    if (namedBefore(input.people, quote.speaker, around.span.start, quote.span.start) || cue === 'none') quotedOthers.push(quote);
    else quotedOthers.push({ ...quote, speaker: null });
  }
  return quotedOthers.length ? [...spoken, ...quotedOthers].sort((a, b) => a.span.start - b.span.start) : spoken;
}

/** A verb of saying from the lexicon ("said", "told", "wrote", …), or "put" of "as … put it". */
const isCueWord = (words: readonly string[], k: number) => REPORTING_VERB_SET.has(words[k]?.toLowerCase()) || (words[k] === 'put' && words[k + 1] === 'it');

/**
 * What cues a quotation next to it: "I said, “…”" (first), "“…,” she said" (other: a pronoun), "as the
 * President said, “…”" (none: a name or a description), or nothing at all (other). The verb stands within the
 * last four words before the quotation, or opens or follows the first word after it.
 */
function cuedByPronoun(text: string, quote: Span): 'first' | 'other' | 'none' {
  const words = (from: number, to: number) => text.slice(from, to).split(/[.!?]/).map(part => part.match(/[\p{L}’']+/gu) ?? []);
  const before = words(Math.max(0, quote.start - 60), quote.start).pop() ?? [];
  const after = words(quote.end, quote.end + 40).find(part => part.length > 0) ?? [];
  let subject: string | undefined;
  for (let k = before.length - 1; k >= Math.max(1, before.length - 4) && subject === undefined; k--) {
    if (!isCueWord(before, k)) continue;
    // Past adverbs and a progressive's "be": "she then said", "we were saying". Not past "have": in "people who
    // have said to me" the word before it is no subject.
    let s = k - 1;
    while (s > 0 && /^(?:\p{Ll}+ly|then|also|was|were|is|are|am)$/u.test(before[s])) s--;
    subject = before[s];
  }
  if (subject === undefined && after.length > 1) subject = isCueWord(after, 0) ? after[1] : isCueWord(after, 1) ? after[0] : undefined;
  if (subject === undefined) return 'other';
  // A pronoun, a relative ("children who have said to me, “…”") or a conjunction ("Like saying, “…”") names no one.
  const word = subject.toLowerCase();
  return /^(?:i|we)$/.test(word) ? 'first' : /^(?:he|she|they|you|it|who|that|which|have|has|had|also|then|once|and|but|like|so)$/.test(word) ? 'other' : 'none';
}

/** Whether the text names this person between two offsets (a story told in a turn names whom "she" is). */
function namedBefore(people: PeopleInDocument, person: string, start: number, end: number): boolean {
  return people.mentions.some(m => m.person === person && m.span.start >= start && m.span.end <= end);
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
    const paragraphTokens = input.people.tokensOf?.(text, paragraph);
    const pending: { mark: MarkedSpan; quote: Quote }[] = [];
    let paragraphSpeaker: Quote | undefined;

    for (const sentence of sentences) {
      // Keep "he" pointing at the last person named as speaking before this sentence.
      // Someone the speaker said something about ("Ruiz said Lee was wrong") does not take the turn.
      for (; mentionIndex < speakingMentions.length && speakingMentions[mentionIndex].span.start < sentence.start; mentionIndex++) if (!context.inReportedContent(speakingMentions[mentionIndex])) context.speaker = speakingMentions[mentionIndex].person;
      // Cut from the paragraph's tokens when no word crosses the sentence's ends: the same tokens, not read again.
      const tokens = (paragraphTokens && sentence.start >= paragraph.start && sentence.end <= paragraph.end && tokensWithin(text, paragraphTokens, sentence.start, sentence.end)) || tokenize(text, sentence.start, sentence.end);
      const sentenceMarks = marks.filter(m => m.outer.start >= sentence.start && m.outer.start < sentence.end);
      let quotedHere = false;
      for (const mark of sentenceMarks) {
        const quote = directQuote(text, mark, sentence, paragraph, tokens, context, continuing, leadSpeaker);
        if (!quote) continue;
        if (!passingQuotes.has(quote)) quotedHere = true;
        quotes.push(quote);
        pending.push({ mark, quote });
        quotes.push(...nestedQuotes(text, mark, quote, input.people));
        if (quote.speaker) {
          // "he" and the paragraph's unattributed quotations follow people, never "a source" or a ministry.
          if (!quote.speakerKind) context.speaker = quote.speaker;
          else context.sourceSpoke({ name: quote.speaker, kind: quote.speakerKind }, quote.span.end);
          paragraphSpeaker = quote;
        }
      }
      // A sentence with a partial quotation may also report, in the writer's words, what came before it.
      const firstMark = sentenceMarks[0];
      const reportable = !quotedHere || (firstMark && wordCount(text.slice(sentence.start, firstMark.outer.start)) >= 10);
      const shortMarks = sentenceMarks.every(m => wordCount(text.slice(m.content.start, m.content.end)) < 12);
      // Short quoted words stay inside the report ("Ferro said it was “firmly opposed” to the dam and …").
      let reported = reportable && (shortMarks || !quotedHere) ? reportedStatement(text, sentence, tokens, context, sentence.end) : undefined;
      // "She said fathers would not be eligible, and when pressed, she replied, “…”": a report, then a clause
      // of its own that leads to a long quotation. The report ends where that clause starts.
      const clauseBeforeQuotation = reportable && quotedHere && !shortMarks && firstMark ? coordinatedClauseStart(text, sentence.start, firstMark.outer.start) : undefined;
      if (!reported && clauseBeforeQuotation !== undefined) {
        reported = reportedStatement(text, sentence, tokens.filter(t => t.end <= clauseBeforeQuotation), context, clauseBeforeQuotation);
      }
      // `Moss urged them to “keep the corridor open” and said she …`: a report after the sentence's quotations.
      // `“…,” she said, arguing that the levy will need a “clear-eyed” review`: after an earlier mark if not the last,
      // one that someone's quotation came from (not a title in quotation marks, “Chief Diversity Officer”).
      for (let m = sentenceMarks.length - 1; !reported && quotedHere && m >= Math.max(0, sentenceMarks.length - 3); m--) {
        const mark = sentenceMarks[m];
        if (m < sentenceMarks.length - 1 && !pending.some(held => held.mark === mark && held.quote.speaker)) continue;
        reported = reportedStatement(text, sentence, tokens, context, sentence.end, mark.outer.end);
        // Read after an earlier mark, the words may open inside a later one (`, adding that “the board” would …`):
        // the report then opens with that mark, not halfway into it.
        const opened = reported && sentenceMarks.find(later => later.outer.start < reported!.span.start && reported!.span.start < later.content.end);
        if (reported && opened) reported = { ...reported, text: text.slice(opened.outer.start, reported.span.end), span: { start: opened.outer.start, end: reported.span.end } };
      }
      // "…, tweeting, “Notice the sniffing.”": words that open with a quotation already taken are that quotation.
      if (reported && sentenceMarks.some(mark => mark.outer.start <= reported!.span.start && reported!.span.start <= mark.content.start && reported!.span.end <= mark.outer.end + 1 && pending.some(held => held.mark === mark))) reported = undefined;
      if (reported) {
        quotes.push(reported);
        // Only a person's report makes the people it names talked about: "…, according to the Courier" is the
        // writer's sentence, whose subject may still take the "he" that follows.
        if (!reported.speakerKind && reported.speaker) context.reported(reported.span, reported.speaker);
        // `Arnault said the group is “seriously considering” a move`: words quoted in passing inside the report are the reporter's subject's.
        for (const { quote } of pending) {
          if (passingQuotes.has(quote) && !quote.speaker && reported.span.start <= quote.span.start && quote.span.end <= reported.span.end) {
            Object.assign(quote, { speaker: reported.speaker, ...(reported.speakerKind ? { speakerKind: reported.speakerKind } : {}) });
            cuedWithoutSpeaker.delete(quote);
          }
        }
        if (!reported.speakerKind) context.speaker = reported.speaker ?? undefined;
        else if (reported.speaker) context.sourceSpoke({ name: reported.speaker, kind: reported.speakerKind }, reported.span.end);
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

/**
 * Sentences, with those that split a quotation joined again: `“… deadline. It is over,” Reiss said.` is
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

/** Where the last ", and" / ", but" / ";" clause before `end` starts (after the sentence's first words), if any. */
function coordinatedClauseStart(text: string, start: number, end: number): number | undefined {
  const before = text.slice(start, end);
  let at: number | undefined;
  for (const match of before.matchAll(/(?:,\s+(?:and|but|while|yet)|;)\s+/g)) if (match.index >= 20) at = start + match.index;
  return at;
}
