/**
 * A baseline for comparison: textacy's `direct_quotations` rule (textacy 0.12, `extract/triples.py`) re-done on
 * the CoreNLP parse PolNeAR ships instead of spaCy's. Quotation-mark tokens are paired in order; a pair of at
 * least 4 tokens (marks included) whose words are not all title case is a quotation; the reporting verb nearest
 * to it in the sentences around it, outside every quotation, with a `nsubj`/`csubj` child gives the speaker
 * (that child with its conjuncts and compounds). Differences: textacy gives up on a whole document with an odd
 * number of marks, this pairs marks per paragraph and skips only such paragraphs; spaCy's stop-word list
 * is replaced by a short one for the title-case test; parse and lemmas are CoreNLP's.
 */
import type { CoreDocument } from './corenlp';
import type { Prediction } from './score';

/** textacy's `constants.REPORTING_VERBS["en"]`. */
const REPORTING_VERBS = new Set(['according', 'accuse', 'acknowledge', 'add', 'admit', 'agree', 'allege', 'announce', 'argue', 'ask', 'assert', 'believe', 'blame', 'charge', 'cite', 'claim', 'complain', 'concede', 'conclude', 'confirm', 'contend', 'criticize', 'declare', 'decline', 'deny', 'describe', 'disagree', 'disclose', 'estimate', 'explain', 'fear', 'hope', 'insist', 'maintain', 'mention', 'note', 'observe', 'order', 'predict', 'promise', 'recall', 'recommend', 'reply', 'report', 'say', 'state', 'stress', 'suggest', 'tell', 'testify', 'think', 'urge', 'warn', 'worry', 'write']);
const SUBJECTS = new Set(['nsubj', 'csubj']);
const STOP_WORDS = new Set(['a', 'an', 'the', 'and', 'or', 'but', 'of', 'to', 'in', 'on', 'at', 'for', 'by', 'with', 'from', 'as', 'is', 'are', 'was', 'were', 'be', 'been', 'it', 'its', 'this', 'that', 'i', 'we', 'you', 'he', 'she', 'they', 'not', 'no', 'so', 'if', 'do', 'does', 'did', 'have', 'has', 'had', 'will', 'would', 'can', 'my', 'our', 'your', 'his', 'her', 'their']);
const QUOTE_TOKEN = /^(?:["“”‘’'`«»„‹›]|''|``)$/;

/** Quotation-mark tokens per paragraph (a possessive apostrophe is tagged POS and is not one). */
function markPairs(text: string, core: CoreDocument): [number, number][] {
  const pairs: [number, number][] = [];
  let paragraph: number[] = [];
  let paragraphEnd = -1;
  const flush = () => {
    if (paragraph.length % 2 === 0) for (let i = 0; i < paragraph.length; i += 2) pairs.push([paragraph[i], paragraph[i + 1]]);
    paragraph = [];
  };
  core.tokens.forEach((token, i) => {
    if (token.start >= paragraphEnd) {
      flush();
      const newline = text.indexOf('\n', token.start);
      paragraphEnd = newline === -1 ? text.length : newline;
    }
    if (token.pos !== 'POS' && QUOTE_TOKEN.test(text.slice(token.start, token.end))) paragraph.push(i);
  });
  flush();
  return pairs;
}

const isTitle = (word: string) => /^\p{Lu}[\p{Ll}\p{N}'’.-]*$/u.test(word);
const isPunctuation = (word: string) => !/[\p{L}\p{N}]/u.test(word);

function looksLikeTitle(text: string, core: CoreDocument, first: number, last: number): boolean {
  const words = core.tokens.slice(first, last + 1).map(t => text.slice(t.start, t.end)).filter(w => !isPunctuation(w) && !STOP_WORDS.has(w.toLowerCase()));
  return words.every(isTitle);
}

/** The speaker token with its conjuncts, and their compound children (textacy's `expand_noun`). */
function expandNoun(core: CoreDocument, head: number, children: Map<number, number[]>): number[] {
  const conjuncts = [head, ...(children.get(head) ?? []).filter(c => core.tokens[c].relation === 'conj')];
  const compounds = conjuncts.flatMap(t => (children.get(t) ?? []).filter(c => core.tokens[c].relation === 'compound'));
  return [...conjuncts, ...compounds].sort((a, b) => a - b);
}

export function textacyQuotations(text: string, core: CoreDocument): Prediction[] {
  const pairs = markPairs(text, core);
  const inQuotation = (i: number) => pairs.some(([start, end]) => start <= i && i <= end);
  const children = new Map<number, number[]>();
  core.tokens.forEach((token, i) => {
    if (token.head >= 0) children.set(token.head, [...(children.get(token.head) ?? []), i]);
  });
  const found: Prediction[] = [];
  for (const [start, end] of pairs) {
    if (end - start + 1 < 4 || looksLikeTitle(text, core, start, end)) continue;
    // textacy's window: sentences overlapping the quotation or ending right before it / starting right after.
    const window = core.sentences.filter(s => (s.first < start && s.end >= start - 1) || (s.first <= end + 1 && s.end > end));
    const cues = window.flatMap(s => Array.from({ length: s.end - s.first }, (_, k) => s.first + k))
      .filter(i => core.tokens[i].pos.startsWith('VB') && REPORTING_VERBS.has(core.tokens[i].lemma) && !inQuotation(i))
      .sort((a, b) => Math.min(Math.abs(a - start), Math.abs(a - end)) - Math.min(Math.abs(b - start), Math.abs(b - end)));
    let speaker: number[] | undefined;
    for (const cue of cues) {
      const subject = (children.get(cue) ?? []).find(c => SUBJECTS.has(core.tokens[c].relation));
      if (subject !== undefined) {
        speaker = expandNoun(core, subject, children);
        break;
      }
    }
    if (!speaker) continue;
    found.push({
      span: { start: core.tokens[start].start, end: core.tokens[end].end },
      kind: 'direct',
      speaker: speaker.map(i => text.slice(core.tokens[i].start, core.tokens[i].end)).join(' '),
    });
  }
  return found;
}
