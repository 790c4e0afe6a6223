/** Reported speech in the writer's words: "X said (that) …", "…, X said.", "According to X, …". */
import { accordingToSource, describedSource, findReportingClause, SpeakerContext, stanceVerbAt, verbLengthAt, type Source } from './attribution';
import { EVIDENCE_VERB_SET } from './lexicon';
import type { Quote, Span } from '../model';
import { isCapitalized, tokenize, type Token } from '../read/tokens';
import { trimEndOf } from '../read/trim';
import { wordCount, relativeAntecedent, isParticiple, sentenceSubject, sentenceSource, withoutParentheses, cueAfter, appositiveSubject, FINITE_VERB, APPOSITIVE_MAX_TOKENS } from './clauses';

/** A reported statement of `speaker` from `start` to `stop`, trimmed; none under four words. */
function reportedQuote(text: string, speaker: Source, start: number, stop: number, via?: string): Quote | undefined {
  const content = trimEndOf(text.slice(start, stop), /[\s.,;:]/).trim();
  if (wordCount(content) < 4) return undefined;
  const offset = start + (text.slice(start, stop).length - text.slice(start, stop).trimStart().length);
  return { text: content, speaker: speaker.name, ...(speaker.kind !== 'person' ? { speakerKind: speaker.kind } : {}), ...(via && via !== speaker.name ? { via } : {}), kind: 'reported', span: { start: offset, end: offset + content.length } };
}

/** "Qin pointed out that ...", "Yang said China's door ...", "..., he added.", "According to Le, ..." */
export function reportedStatement(text: string, sentence: Span, tokens: Token[], context: SpeakerContext, end: number, from = sentence.start): Quote | undefined {
  if (tokens.length < 5) return undefined;
  if (from > sentence.start) return reportingClauseStatement(text, sentence, tokens, context, end, from);
  const sentenceText = text.slice(sentence.start, end);
  const make = (speaker: Source, start: number, stop: number) => reportedQuote(text, speaker, start, stop);
  // "According to Le, the next few months will be critical ..."
  const according = /^\s*according to\s+([^,]{2,60}),\s*/i.exec(sentenceText);
  if (according) {
    const speaker = accordingToSource(tokenize(according[1]), according[1], context);
    if (speaker) return make(speaker, sentence.start + according[0].length, end);
  }
  // "… were never audited according to the county auditor." (no comma), and "…, according to the budget office,
  // and the rest …": the words before "according to" are the source's.
  const closing = end === sentence.end ? lateAccordingTo(sentenceText) : undefined;
  if (closing) {
    // The source's own tokens, at their offsets in the document (where a name stands matters to resolving it).
    const nameStart = sentence.start + closing.nameAt;
    const name = tokens.filter(t => t.start >= nameStart && t.end <= nameStart + closing.name.length);
    // Only a source that resolves: "allocated according to need" names no one.
    const speaker = name.length > 0 && name.length <= 8 ? context.resolveSource(name, text) : undefined;
    if (speaker) return make(speaker, sentence.start, sentence.start + closing.wordsEnd);
  }
  // Trailing attribution after a comma: "China will focus on ..., Yang said.", "..., a source said on Tuesday."
  if (end === sentence.end) {
    const tail = tailAttribution(tokens, context, text);
    // "The museum, the mayor said, will open in May.": the words run on past the cue, which stays inside them.
    if (tail?.parenthetical) return make(tail.speaker, sentence.start, end);
    // A clause, not an opening phrase: "Talks are continuing, he said", not "In the end, he said nothing".
    if (tail && (wordCount(text.slice(sentence.start, tail.comma)) >= 5 || tokens.some(t => t.end <= tail.comma && FINITE_VERB.test(t.lower)))) return make(tail.speaker, sentence.start, tail.comma);
  }
  // "Petra Linde, head of an institute, said the duties …": a name, an appositive, the verb.
  const appositive = appositiveSubject(tokens, context, text);
  if (appositive && tokens[appositive.content] && tokens[appositive.content].start < end) {
    return make(appositive.speaker, tokens[appositive.content].start, end);
  }
  return reportingClauseStatement(text, sentence, tokens, context, end, sentence.start);
}

/** After "according to": the source, then the sentence's end or a comma before a new clause. */
// eslint-disable-next-line regexp/no-super-linear-backtracking -- tried once per sentence, from its last "according to"
const ACCORDING_TO_TAIL = /^according to\s+([^,;:()“”"]{2,80}?)(?:[\s.!?"”’']*$|,\s+(?=(?:and|but|while|which)\b))/i;

/** Texts whose rules things are done "according to": no one who speaks. */
const RULE_TEXT = /^(?:constitution|agreement|act|charter|treaty|bible|law|laws|rules?|regulations?|plan|schedule|guidelines|statutes?|code|convention|accords?|resolution|procedures?|protocol|terms|instructions|tradition|custom|need|needs)$/i;

/** "according to X" closing a sentence with or without a comma, or a clause before ", and …". */
function lateAccordingTo(sentence: string): { name: string; nameAt: number; wordsEnd: number } | undefined {
  // The last "according to", found in the sentence itself (lower-casing may change its length).
  let at = -1;
  for (const match of sentence.matchAll(/according to/gi)) at = match.index;
  if (at <= 0 || !/[\s,]/.test(sentence[at - 1])) return undefined;
  const tail = ACCORDING_TO_TAIL.exec(sentence.slice(at));
  // "held according to the Constitution", "shared out according to the plan": a text's rules, not a source.
  if (!tail || RULE_TEXT.test(tail[1].trim().split(/\s+/).at(-1) ?? '')) return undefined;
  return { name: tail[1], nameAt: at + tail[0].indexOf(tail[1], 'according to'.length), wordsEnd: trimEndOf(sentence.slice(0, at), /[\s,]/).length };
}

/** `Subject verb (that) content` after `after`: "However, Le pointed out that …", "Qin told X that …". */
function reportingClauseStatement(text: string, sentence: Span, tokens: Token[], context: SpeakerContext, end: number, after: number): Quote | undefined {
  const sentenceText = text.slice(sentence.start, end);
  const make = (speaker: Source, start: number, stop: number, via?: string) => reportedQuote(text, speaker, start, stop, via);
  // Leading attribution, possibly after an introductory phrase ("However, Le pointed out that ...").
  const quoting = /^\s*(?:quoting|citing)\s+([^,]{2,60}),/i.exec(sentenceText);
  // "Rep. Colette Barnaby (R-Wash.) said …": the party and state stand between the name and its verb.
  tokens = withoutParentheses(tokens);
  for (let from = tokens.findIndex(t => t.start >= after); from !== -1 && from < tokens.length; ) {
    const clause = findReportingClause(tokens, from, tokens.length);
    if (!clause) break;
    const resolved = clause.coordinated ? undefined : FINDING_VERBS.has(tokens[clause.verb].lower) ? findingSource(clause.subject, context, text) : context.resolveSource(clause.subject, text, tokens[clause.verb].lower) ?? relativeAntecedent(clause, sentence, context, text);
    const subjectOfSentence = clause.coordinated || (!resolved && isParticiple(tokens[clause.verb])) ? sentenceSubject(tokens, tokens[clause.verb].start, sentence, context) : undefined;
    const speaker = subjectOfSentence ? { name: subjectOfSentence, kind: 'person' as const } : resolved;
    if (speaker) {
      let contentStart = clause.verb + clause.verbLength;
      // "Qin told China Media Group's Washington bureau that …": what follows "told" is the listener.
      if (/^(?:told|tells|tell|telling)$/.test(tokens[clause.verb].lower)) {
        // Only the next eight words: a search from the sentence's start cost its length for every "told".
        let that = -1;
        for (let k = contentStart + 1; k <= contentStart + 8 && k < tokens.length; k++) {
          if (tokens[k].lower === 'that') {
            that = k;
            break;
          }
        }
        if (that === -1) {
          from = clause.verb + clause.verbLength;
          continue;
        }
        contentStart = that;
      }
      const words = contentAfterVerb(tokens, contentStart, tokens[clause.verb].lower);
      // `,” she said at the port, insisting the levy must go …`: past a time or place, a participle of saying.
      if (words === undefined) return after > sentence.start ? participleAfterCue(text, tokens, contentStart, end, speaker) : undefined;
      const first = tokens[words];
      if (!first || first.start >= end) return undefined;
      // "Councillors praised Aasen, who says he …": the object's own clause of saying is the report.
      if (objectSpeaksNext(tokens, words)) {
        from = clause.verb + clause.verbLength;
        continue;
      }
      // `,” he said, adding he would …` after a quotation: the cue of that quotation, then a participle of
      // saying whose words are the speaker's too.
      if (after > sentence.start && first.gap.includes(',')) {
        const added = participleWords(tokens, words, end);
        return added === undefined ? undefined : make(speaker, tokens[added].start, end);
      }
      // `,” Strzok wrote counsel Ana Ruiz on May 19.`: words with no verb name a listener, not what was said;
      // "that was held on a boat" is a relative clause, not a report. After "wrote" too: "she wrote a weekly
      // column for parents" names the writing.
      const writing = /^(?:wrote|writes|write|writing)$/.test(tokens[clause.verb].lower) && tokens[words - 1]?.lower !== 'that';
      if ((after > sentence.start || writing) && (FINITE_VERB.test(first.lower) || !hasClause(tokens.slice(words)))) return undefined;
      const source = quoting ? context.resolveSubject(tokenize(quoting[1])) : undefined;
      return source ? make({ name: source, kind: 'person' }, first.start, end, speaker.name) : make(speaker, first.start, end);
    }
    from = clause.verb + clause.verbLength;
  }
  // "Judge Bell rejected the request, saying the courts …": a participle after a comma has no subject of its own.
  const participle = tokens.findIndex((t, k) => t.start >= after && k > 0 && t.gap.includes(',') && isParticiple(t) && verbLengthAt(tokens, k) > 0 && !/^(?:told|telling)$/.test(t.lower));
  if (participle !== -1) {
    const speaker = sentenceSource(tokens, tokens[participle].start, sentence, context, text);
    const words = participleWords(tokens, participle, end);
    if (speaker && words !== undefined) return make(speaker, tokens[words].start, end);
  }
  if (after !== sentence.start) return undefined;
  return prepositionalSaying(text, sentence, tokens, context, end) ?? findingStatement(text, tokens, end) ?? stanceStatement(text, tokens, context, end);
}


/** Heads of a subject that is evidence, not a person: a poll, a study, the data, a video. */
const EVIDENCE_NOUN = /^(?:polls?|polling|surveys?|study|studies|analys[ie]s|data|reports?|research|averages?|figures|numbers|records|documents|estimates|projections|review|audit|investigation|census|index|model|forecasts?|tally|count|video|footage|transcript|results|findings|statistics)$/;

/**
 * What a poll, a study or a document shows: "Surveys show a tight race for the governor's seat", "A Nordstat
 * survey published on Sunday shows the governor ahead". The subject, as written, is the source: an
 * organisation when it has a capitalized word ("the Nordstat poll"), else a described source ("polling
 * averages").
 */
function findingStatement(text: string, tokens: Token[], end: number): Quote | undefined {
  // Not inside a name: "the Advanced Research Projects Agency".
  const verb = tokens.findIndex((t, i) => i > 0 && i <= 20 && EVIDENCE_VERB_SET.has(t.lower) && !t.gap.includes(',') && !(isCapitalized(t.text) && isCapitalized(tokens[i - 1].text)));
  if (verb === -1) return undefined;
  let start = verb;
  // The subject stops at a quotation mark too: quoted words are someone's, not the finding's subject.
  while (start > 0 && !/[,;:()"“”]/.test(tokens[start].gap)) start--;
  // A verb inside quotation marks is someone's words: an odd number of marks stands before it.
  let marks = 0;
  for (let k = 0; k <= verb; k++) marks += tokens[k].gap.match(/["“”]/g)?.length ?? 0;
  if (marks % 2 === 1) return undefined;
  // The subject's head is its last noun before the verb, or before "of"/"from"/"by" ("an analysis of filings shows").
  const subject = tokens.slice(start, verb);
  // "If the study finds …" is no finding yet.
  if (/^(?:if|unless|whether|until)$/.test(subject[0]?.lower ?? '')) return undefined;
  // "But surveys show", "including one study that": what opens the clause is no part of the subject.
  while (subject.length > 1 && /^(?:but|and|so|yet|still|meanwhile|however|now|also|including|while|when|as|because|although|though|since)$/.test(subject[0].lower)) subject.shift();
  const cut = subject.findIndex((t, i) => i > 0 && /^(?:of|from|by|released|published|conducted|taken|which|that)$/.test(t.lower));
  const head = (cut === -1 ? subject : subject.slice(0, cut)).at(-1);
  // A noun phrase: no verb or figure inside ("DoD spent $490 million on research shows" is no subject).
  if (!head || !EVIDENCE_NOUN.test(head.lower) || subject.length > 10 || subject.some(t => FINITE_VERB.test(t.lower) || /\d/.test(t.text) || /ed$/.test(t.lower) && !/^(?:released|published|conducted|funded)$/.test(t.lower) && !isCapitalized(t.text))) return undefined;
  const content = tokens[verb + 1]?.lower === 'that' ? verb + 2 : verb + 1;
  if (!tokens[content] || tokens[content].start >= end) return undefined;
  const name = text.slice(subject[0].start, subject[subject.length - 1].end).replace(/\s+/g, ' ');
  // The first word is capitalized at a sentence's start whatever it is.
  const kind = subject.slice(1).some(t => isCapitalized(t.text)) ? 'organisation' : 'unnamed';
  return reportedQuote(text, { name, kind }, tokens[content].start, end);
}

/** Words before a participle of saying that make it an adverbial: "after saying", "by saying", "without saying". */
const SAYING_PREPOSITIONS = /^(?:after|by|before|while|without|upon|on)$/;

/**
 * "After saying the talks were over, she left" and "He started by saying the quotas …": the words are the main
 * clause's subject's, which follows the adverbial when it opens the sentence and precedes it otherwise.
 */
function prepositionalSaying(text: string, sentence: Span, tokens: Token[], context: SpeakerContext, end: number): Quote | undefined {
  const at = tokens.findIndex((t, k) => k > 0 && k < tokens.length - 3 && SAYING_PREPOSITIONS.test(tokens[k - 1].lower) && isParticiple(t) && verbLengthAt(tokens, k) > 0);
  if (at === -1) return undefined;
  const words = contentAfterVerb(tokens, at + verbLengthAt(tokens, at), tokens[at].lower);
  if (words === undefined || !tokens[words] || tokens[words].start >= end) return undefined;
  if (at - 1 <= 1) {
    // The adverbial opens the sentence: its words run to the comma before the main clause's subject.
    for (let k = words + 1; k < tokens.length; k++) {
      if (!tokens[k].gap.includes(',')) continue;
      const subject = Array.from({ length: 5 }, (_, n) => context.resolveSubject(tokens.slice(k, k + 5 - n))).find(Boolean);
      // A closing mark after the comma ("was “ready to sign,” she …") stays with the words.
      return subject ? reportedQuote(text, { name: subject, kind: 'person' }, tokens[words].start, tokens[k].start - (tokens[k].gap.length - tokens[k].gap.trimEnd().length)) : undefined;
    }
    return undefined;
  }
  const speaker = sentenceSubject(tokens, tokens[at].start, sentence, context);
  return speaker ? reportedQuote(text, { name: speaker, kind: 'person' }, tokens[words].start, end) : undefined;
}

/**
 * A position in the writer's words when no verb of saying reports one: "Hovland wants to reopen the talks",
 * "The ministry blamed the delay on …". Only the sentence's own subject counts, and only one that names a speaker.
 */
function stanceStatement(text: string, tokens: Token[], context: SpeakerContext, end: number): Quote | undefined {
  const clause = findReportingClause(tokens, 0, Math.min(tokens.length, 16), stanceVerbAt);
  if (!clause || clause.coordinated || clause.subject.length === 0) return undefined;
  // The subject opens the sentence (after an opener such as "But"): "the plan he wants" is no position of his.
  const subjectAt = tokens.indexOf(clause.subject[0]);
  // Only openers ("But", "And now") may stand before it: a subject cut short ("They [sent a letter …] opposing")
  // starts inside the clause.
  const openedBy = tokens.slice(0, subjectAt).every(t => /^(?:but|and|so|yet|still|meanwhile|however|now|instead|indeed|thus|then|also)$/.test(t.lower));
  if (!openedBy && !(subjectAt <= 12 && clause.subject[0].gap.includes(','))) return undefined;
  const speaker = context.resolveSource(clause.subject, text);
  if (!speaker) return undefined;
  const words = contentAfterVerb(tokens, clause.verb + clause.verbLength, tokens[clause.verb].lower);
  const first = words === undefined ? undefined : tokens[words];
  if (!first || first.start >= end || first.gap.includes(',')) return undefined;
  return reportedQuote(text, speaker, first.start, end);
}

/**
 * Whether words read as a clause: a finite verb (in lower case: "May" is a month), a verb in -ed, or "to" and a
 * verb ("to the board", "to her editor" are a listener, not a verb).
 */
const hasClause = (words: readonly Token[]) => words.some((t, k) => FINITE_VERB.test(t.text) || /^\p{Ll}+ed$/u.test(t.text) || (t.text === 'to' && /^\p{Ll}/u.test(words[k + 1]?.text ?? '') && !NOT_A_VERB_AFTER_TO.test(words[k + 1].text)));

/** Words after "to" that open a noun phrase: "a letter to the board", "a note to her editor". */
const NOT_A_VERB_AFTER_TO = /^(?:the|a|an|his|her|their|its|our|my|your|this|these|those|that|me|him|them|us|you|every|each|all|some|any|no)$/;

/** A number after "about": "said about 20 people …", "about half the members". */
const APPROXIMATE_NUMBER = /^(?:\d[\d,.]*%?|half|one|two|three|four|five|six|seven|eight|nine|ten|a\s+dozen|dozens|hundreds|thousands)$/;

/** Verbs of plain saying, whose object is never the words: "said to reporters", "wrote of the election". */
const SAYING = /^(?:said|says|say|saying|added|adds|adding|wrote|writes|writing)$/;
/** A time, place or occasion after any verb: "explained in an interview", "warned during the debate". */
const ADJUNCT_OPENER = /^(?:in|on|at|with|during|after|before|from|by|last|this|earlier|via|through)$/;

/**
 * Where the reported words start after a verb ending before `at`: past "that", and past a time, place or
 * listener that "that" follows ("said on Tuesday that …"). None when only such an adjunct follows: "said to
 * the nominee as he passed", "explained in an interview".
 */
function contentAfterVerb(tokens: readonly Token[], at: number, verb: string): number | undefined {
  // "said about 20 people have …": "about" a number, not a topic; but "said about two of the bills that …" is
  // one, and "about 3 p.m." a time.
  const approximate = tokens[at]?.lower === 'about' && APPROXIMATE_NUMBER.test(tokens[at + 1]?.lower ?? '') && !/^(?:[ap]\.m\.?|[ap]m|o['’]clock)$/.test(tokens[at + 2]?.lower ?? '');
  const opener = tokens[at]?.lower ?? '';
  const saying = SAYING.test(verb);
  if (ADJUNCT_OPENER.test(opener) || (saying && /^(?:to|of|about|for)$/.test(opener))) {
    const that = tokens.findIndex((t, k) => k > at && k <= at + 8 && t.lower === 'that' && !/[.;]/.test(t.gap));
    if (that !== -1) return that + 1;
    if (approximate) return at;
    // "said after the vote she would not sign …": a clause right after a time or place.
    const clause = saying ? clauseAfterAdjunct(tokens, at) : undefined;
    if (clause !== undefined) return clause;
    // "warned in a letter the talks would fail": without "that", a clause must follow the adjunct.
    if (saying || !tokens.slice(at + 1, at + 25).some(t => FINITE_VERB.test(t.lower))) return undefined;
  }
  return tokens[at]?.lower === 'that' ? at + 1 : at;
}

/**
 * The words of a participle of saying that follows a quotation's cue and its adjunct: ", emphasizing (that) …".
 * Only within a few words of the cue's verb, and only a participle after a comma.
 */
function participleAfterCue(text: string, tokens: readonly Token[], from: number, end: number, speaker: Source): Quote | undefined {
  for (let k = from + 1; k < Math.min(tokens.length, from + 10); k++) {
    if (/[.;:"“”]/.test(tokens[k].gap)) return undefined;
    if (!tokens[k].gap.includes(',') || !isParticiple(tokens[k]) || verbLengthAt(tokens, k) === 0) continue;
    const words = participleWords(tokens, k, end);
    return words === undefined ? undefined : reportedQuote(text, speaker, tokens[words].start, end);
  }
  return undefined;
}

/**
 * The first word a participle of saying at `at` reports (", adding (that) …", ", saying …"), if it opens before
 * `end` and not after another comma; undefined for any other word.
 */
function participleWords(tokens: readonly Token[], at: number, end: number): number | undefined {
  const length = isParticiple(tokens[at]) ? verbLengthAt(tokens, at) : 0;
  if (length === 0) return undefined;
  const words = contentAfterVerb(tokens, at + length, tokens[at].lower);
  const first = words === undefined ? undefined : tokens[words];
  return first && first.start < end && !first.gap.includes(',') ? words : undefined;
}

/** A name of one to four capitalized words, then ", who" and a verb of saying: "Aasen, who says …". */
function objectSpeaksNext(tokens: readonly Token[], at: number): boolean {
  let k = at;
  while (k < tokens.length && k - at < 4 && isCapitalized(tokens[k].text)) k++;
  return k > at && tokens[k]?.lower === 'who' && tokens[k].gap.includes(',') && verbLengthAt(tokens, k + 1) > 0;
}

/** Pronouns that open a clause as its subject. */
const SUBJECT_PRONOUN = /^(?:he|she|they|we|i|it|there)$/;
/** Words that open an adverbial clause: "said to the nominee as he passed" reports nothing. */
const SUBORDINATOR = /^(?:as|when|while|because|if|since|before|after|until|though|although|where|whether)$/;

/**
 * Where a clause starts after an adjunct of a few words ("after the vote", "on Tuesday", "in an
 * interview with the Courier"): a subject pronoun and its verb ("he would"), or a determiner whose noun phrase
 * a finite verb follows ("the plan was"). Undefined when a subordinator or punctuation comes first.
 */
function clauseAfterAdjunct(tokens: readonly Token[], at: number): number | undefined {
  for (let k = at + 2; k <= at + 8 && k < tokens.length - 1; k++) {
    const token = tokens[k];
    if (/[,.;:()"“”–—]/.test(token.gap) || SUBORDINATOR.test(token.lower)) return undefined;
    if (SUBJECT_PRONOUN.test(token.lower)) return FINITE_VERB.test(tokens[k + 1].lower) || /^\p{Ll}+(?:ed|s)$/u.test(tokens[k + 1].text) ? k : undefined;
    if (/^(?:the|a|an|his|her|their|its|our|this|these|those)$/.test(token.lower)) {
      const verb = tokens.slice(k + 1, k + 5).findIndex(t => FINITE_VERB.test(t.lower));
      if (verb !== -1 && !tokens.slice(k + 1, k + 1 + verb).some(t => /[,.;:()"“”]/.test(t.gap) || /^(?:of|in|on|at|for|with|from|by|to|the|a|an)$/.test(t.lower))) return k;
    }
  }
  return undefined;
}

/** Verbs that report a finding when "that" follows ("The Courier found that …"): polls, studies, newspapers. */
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

/** Words that may follow the verb of a closing attribution: ", Yang said on Tuesday", ", she told reporters". */
const TAIL_ADJUNCT = /^(?:on|in|at|to|during|after|before|from|last|this|yesterday|today|tonight|earlier|later|recently|afterward|afterwards|then|again|too|also|as|when|while|via|through|over|with|by|of|about|reporters|journalists|me|us|him|her|them|the|a|an|his|their|its|our|my)$/;

/** The last comma-clause of a sentence when it attributes what comes before: ", Yang said", ", said a source". */
function tailAttribution(tokens: Token[], context: SpeakerContext, text: string): { speaker: Source; comma: number; parenthetical?: boolean } | undefined {
  let tried = 0;
  for (let i = tokens.length - 1; i > 0 && tried < 3; i--) {
    if (!tokens[i].gap.includes(',')) continue;
    tried++;
    if (tokens.length - i > 20 + APPOSITIVE_MAX_TOKENS) return undefined;
    // The clause must end the sentence: ", Yang said on Tuesday", not ", Yang said that …" (that is a new report).
    const tail = tokens.slice(i);
    if (tail[0].lower === 'according' && tail[1]?.lower === 'to' && tail.length <= 10) {
      const source = accordingToSource(tail.slice(2), text, context);
      if (source) return { speaker: source, comma: tokens[i - 1].end };
      continue;
    }
    let verb = -1;
    for (let k = 0; k < Math.min(tail.length, 12) && verb === -1; k++) if (verbLengthAt(tail, k) > 0) verb = k;
    // ", said Ines Varga, a veteran negotiator for the northern provinces who …": a name and its appositive may run long.
    const named = tail.findIndex((t, k) => k > verb && k <= verb + 6 && t.gap.includes(','));
    const spoken = named === -1 ? tail.length - verb : named - verb;
    // ", said many examples were wrong" reports a clause, not who spoke: a verb after the cue opens one.
    // So does a verb of saying or stance after the verb that opens the tail (", said parents still want …"),
    // unless a relative clause has begun (", said a source who asked not to be named").
    const after = tail.slice(verb + 1, verb + spoken);
    const relative = after.findIndex(t => /^(?:who|whom|whose|which)$/.test(t.lower));
    const reportsClause = after.some((t, k) => t.lower === 'that' || FINITE_VERB.test(t.lower) || (verb === 0 && (relative === -1 || k < relative) && (verbLengthAt(after, k) > 0 || stanceVerbAt(after, k) > 0)));
    // ", Ney also noted two “unwritten rules” kept him …": after a subject and its verb, only a time, place or
    // listener may end the sentence; anything else is what was said, and the comma opens no tail.
    const object = verb > 0 && tail[verb + 1] && !tail[verb + 1].gap.includes(',') && !TAIL_ADJUNCT.test(tail[verb + 1].lower) && !isCapitalized(tail[verb + 1].text);
    if (verb === -1 || verb > 11 || spoken > 12 || reportsClause || object) continue;
    const speaker = cueAfter(tail, context, text);
    // ", she added, the convoys will …": after a subject and its verb, a comma opens more of the words, not
    // an appositive (that would stand between the name and the verb).
    const parenthetical = named !== -1 && verb > 0 && tail.slice(named).some(t => FINITE_VERB.test(t.lower));
    if (speaker) return { speaker, comma: tokens[i - 1].end, parenthetical };
  }
  return undefined;
}
