/** Scores one system's quotations against one article's gold attributions. */
import type { AnnotatedSpan, GoldAttribution, Segment } from './brat';
import type { CoreDocument } from './corenlp';
import { carriesQuotationMark, DOUBLED_APOSTROPHES, hasQuotationMark, matches, overlap, wordCount } from './matching';
import { handResolved, type Antecedents } from './antecedents';
import { goldSpeakerOf, rightSpeaker, type PredictedSpeaker } from './speakers';

/** A quotation as a system predicts it. */
export interface Prediction extends PredictedSpeaker {
  readonly span: Segment;
  /** `direct`, `reported`, `speech`, `transcript`, `fragment`…: the quotation's form. */
  readonly kind: string;
}

export interface Ratio {
  hit: number;
  total: number;
}

/** Every figure reported: its column heading and what it counts. */
export const METRICS = {
  direct: { head: 'direct R', meaning: 'recall: quote-mark contents matched by a direct quote' },
  directPrecision: { head: 'direct P', meaning: 'precision: direct quotes with a mark that match some gold content' },
  anyKind: { head: 'any-kind R', meaning: 'recall: quote-mark contents matched by a quote of any kind' },
  anyKindPrecision: { head: 'any-kind P', meaning: 'precision: quotes of any kind with a mark that match some gold content' },
  speaker: { head: 'speaker', meaning: 'speaker right on matched direct quotes (next three columns split it by gold source)' },
  all: { head: 'all attributions R', meaning: 'recall: contents of all attributions (indirect too) matched by a quote of any kind' },
  indirectPrecision: { head: 'no-mark P', meaning: 'precision: quotes with no mark in or next to their span that match some gold content (indirect too)' },
  short: { head: '1-3 words R', meaning: 'direct recall, quote-mark contents of 1-3 words' },
  long: { head: '4+ words R', meaning: 'direct recall, quote-mark contents of 4+ words' },
  doubled: { head: "''…'' R", meaning: "direct recall, contents in ''…'' (doubled apostrophes)" },
  name: { head: 'speaker: name', meaning: 'gold source a name: the same person' },
  pronoun: { head: 'speaker: pronoun', meaning: 'gold source a pronoun: its CoreNLP antecedent' },
  description: { head: 'speaker: description', meaning: 'gold source a description: equal-ish description, or a person its chain names' },
} as const;
export type Metric = keyof typeof METRICS;

export interface Tally {
  documents: number;
  ratios: Record<Metric, Ratio>;
  /** Matched direct quotes left out of speaker accuracy: no gold source, or a pronoun CoreNLP did not resolve. */
  noSource: number;
  unresolvedPronouns: number;
}

export const emptyTally = (): Tally => ({
  documents: 0,
  ratios: Object.fromEntries(Object.keys(METRICS).map(key => [key, { hit: 0, total: 0 }])) as Record<Metric, Ratio>,
  noSource: 0,
  unresolvedPronouns: 0,
});

export function addTally(into: Tally, from: Tally): void {
  into.documents += from.documents;
  into.noSource += from.noSource;
  into.unresolvedPronouns += from.unresolvedPronouns;
  for (const key of Object.keys(METRICS) as Metric[]) {
    into.ratios[key].hit += from.ratios[key].hit;
    into.ratios[key].total += from.ratios[key].total;
  }
}

export type SampleKind = 'missed' | 'false positive' | 'wrong speaker' | 'missed indirect' | 'unmatched indirect';
export interface Sample {
  readonly kind: SampleKind;
  readonly line: string;
}

export interface ScoredDocument {
  readonly name: string;
  readonly text: string;
  readonly attributions: readonly GoldAttribution[];
  readonly core?: CoreDocument;
  /** Pronoun antecedents a reader gave, used instead of CoreNLP's where present. */
  readonly antecedents?: Antecedents;
}

const count = (ratio: Ratio, hit: boolean) => {
  ratio.total++;
  if (hit) ratio.hit++;
};

/** Gold content of an attribution: all its content spans' segments together. */
const contentOf = (attribution: GoldAttribution): AnnotatedSpan => ({
  segments: attribution.contents.flatMap(c => c.segments),
  text: attribution.contents.map(c => c.text).join(' '),
});

/** From the first segment's start to the last one's end. */
const extent = (span: AnnotatedSpan): Segment => ({ start: span.segments[0].start, end: span.segments[span.segments.length - 1].end });

/** A short excerpt with the span in [[ ]], whitespace folded, for the sample lines. */
export function context(document: ScoredDocument, span: Segment): string {
  const fold = (s: string) => s.replace(/\s+/g, ' ');
  const inner = fold(document.text.slice(span.start, span.end));
  const shown = inner.length > 120 ? `${inner.slice(0, 70)} … ${inner.slice(-40)}` : inner;
  return `${document.name.slice(0, 48)} @${span.start}: …${fold(document.text.slice(Math.max(0, span.start - 50), span.start))}[[${shown}]]${fold(document.text.slice(span.end, span.end + 40))}…`;
}

/** Why a quote-mark content was missed, as far as the predictions tell. */
function missCause(document: ScoredDocument, content: AnnotatedSpan, predictions: readonly Prediction[]): string {
  const causes: string[] = [];
  if (content.segments[0].start < document.text.indexOf('\n')) causes.push('in the headline');
  if (content.text.includes(DOUBLED_APOSTROPHES)) causes.push("''…'' marks");
  const words = wordCount(content.text);
  if (words <= 3) causes.push(`fragment of ${words} word${words === 1 ? '' : 's'}`);
  const other = predictions.find(p => p.kind !== 'direct' && matches(p.span, content.segments));
  if (other) causes.push(`found as ${other.kind}`);
  const goldLength = content.segments.reduce((sum, s) => sum + s.end - s.start, 0);
  const partial = Math.max(0, ...predictions.filter(p => p.kind === 'direct').map(p => overlap(p.span, content.segments) / Math.min(p.span.end - p.span.start, goldLength)));
  if (partial > 0) causes.push(`a direct quote overlaps ${partial.toFixed(2)}`);
  return causes.join(', ') || 'nothing predicted there';
}

/**
 * Adds one article's counts to `tally` and its misses, false positives and wrong speakers to `samples`.
 * Recall is over gold contents with a quotation mark (“ ” " or ''), precision over predicted quotes that carry
 * one, matched against every gold content (a fragment quoted inside an indirect attribution is right).
 */
export function scoreDocument(document: ScoredDocument, predictions: readonly Prediction[], tally: Tally, samples: Sample[]): void {
  const { ratios } = tally;
  tally.documents++;
  const contents = document.attributions.map(contentOf).filter(c => c.segments.length > 0);
  const direct = predictions.filter(p => p.kind === 'direct');
  for (const attribution of document.attributions) {
    const content = contentOf(attribution);
    if (!content.segments.length) continue;
    const foundAny = predictions.some(p => matches(p.span, content.segments));
    count(ratios.all, foundAny);
    if (!hasQuotationMark(content.text)) {
      if (!foundAny) samples.push({ kind: 'missed indirect', line: context(document, extent(content)) });
      continue;
    }
    const found = direct.filter(p => matches(p.span, content.segments));
    count(ratios.direct, found.length > 0);
    count(ratios.anyKind, predictions.some(p => matches(p.span, content.segments)));
    count(wordCount(content.text) <= 3 ? ratios.short : ratios.long, found.length > 0);
    if (content.text.includes(DOUBLED_APOSTROPHES)) count(ratios.doubled, found.length > 0);
    if (found.length) scoreSpeaker(document, attribution, found, tally, samples);
    else samples.push({ kind: 'missed', line: `${missCause(document, content, predictions)}: ${context(document, extent(content))}` });
  }
  for (const prediction of predictions) {
    const right = contents.some(c => matches(prediction.span, c.segments));
    if (!carriesQuotationMark(document.text, prediction.span)) {
      // Reported statements are the broadest output: this keeps recall of "all attributions" honest.
      count(ratios.indirectPrecision, right);
      if (!right) samples.push({ kind: 'unmatched indirect', line: `(${prediction.kind}, speaker ${prediction.speaker ?? 'none'}) ${context(document, prediction.span)}` });
      continue;
    }
    count(ratios.anyKindPrecision, right);
    if (prediction.kind !== 'direct') continue;
    count(ratios.directPrecision, right);
    if (!right) samples.push({ kind: 'false positive', line: `(speaker ${prediction.speaker ?? 'none'}) ${context(document, prediction.span)}` });
  }
}

/** The speaker of the direct quote that overlaps the gold content most, against the gold source. */
function scoreSpeaker(document: ScoredDocument, attribution: GoldAttribution, found: Prediction[], tally: Tally, samples: Sample[]): void {
  if (!attribution.source) {
    tally.noSource++;
    return;
  }
  const gold = handResolved(document.antecedents, document.name, attribution.source) ?? goldSpeakerOf(document.text, attribution.source, document.core);
  if (gold.unresolved) {
    tally.unresolvedPronouns++;
    return;
  }
  const content = contentOf(attribution);
  const best = found.reduce((a, b) => (overlap(b.span, content.segments) > overlap(a.span, content.segments) ? b : a));
  const right = rightSpeaker(best, gold);
  count(tally.ratios.speaker, right);
  count(tally.ratios[gold.form], right);
  if (!right) samples.push({ kind: 'wrong speaker', line: `gold ${gold.form} "${gold.shown}", predicted ${best.speaker ?? 'none'}${best.speakerKind ? ` (${best.speakerKind})` : ''}: ${context(document, extent(content))}` });
}
