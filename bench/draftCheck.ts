import { QuoteChecker, type CorpusIndex, type QuoteCheck } from '../server/src/core';
import { WARM_UP_DRAFT } from '../server/src/corpusService';
import { ms, percentile } from './stats';

/** CPU time of the whole process so far (all threads: V8 compiles on helper threads), in ms. */
const cpuMs = () => {
  const used = process.cpuUsage();
  return (used.user + used.system) / 1000;
};

type Planted = 'exact' | 'changed word' | 'dropped word' | 'wrong speaker' | 'invented';
const PLANTED: Planted[] = ['exact', 'changed word', 'dropped word', 'wrong speaker', 'invented'];

/** A deterministic pseudo-random sequence, so every run checks the same draft. */
function random(seed: number): () => number {
  let state = seed;
  return () => ((state = (state * 1103515245 + 12345) % 2147483648) / 2147483648);
}

/** A 5,000-word draft made from the corpus, with its planted quotations (the same draft on every run). */
export function plantDraft(index: CorpusIndex): { draft: string; planted: { kind: Planted; text: string }[] } {
  const next = random(7);
  const quotes: { text: string; speaker: string }[] = [];
  const narration: string[] = [];
  for (const document of [...index.all()].sort((a, b) => (a.uri < b.uri ? -1 : 1))) {
    for (const quote of document.quotes) {
      const words = quote.text.split(/\s+/).length;
      if (quote.speaker && quote.speaker.includes(' ') && quote.kind !== 'reported' && words >= 10 && words <= 40 && !/["“”]/.test(quote.text) && next() < 0.02) quotes.push({ text: quote.text, speaker: index.canonicalName(quote.speaker) });
    }
    if (narration.length < 400 && next() < 0.05) {
      const paragraph = document.paragraphs.find(p => !p.debris && p.span.end - p.span.start > 200 && !/["“”]/.test(document.text.slice(p.span.start, p.span.end)));
      if (paragraph) narration.push(document.text.slice(paragraph.span.start, paragraph.span.end).replace(/\s+/g, ' '));
    }
  }
  const speakers = [...new Set(quotes.map(q => q.speaker))];
  const paragraphs: string[] = [];
  const planted: { kind: Planted; text: string }[] = [];
  let words = 0, q = 0, n = 0;
  while (words < 5000 && q < quotes.length) {
    const kind = PLANTED[planted.length % PLANTED.length];
    const { text, speaker } = quotes[q++];
    const tokens = text.split(' ');
    const at = 2 + Math.floor(next() * (tokens.length - 4));
    let quoted = text, by = speaker;
    if (kind === 'changed word') quoted = [...tokens.slice(0, at), 'notably', ...tokens.slice(at + 1)].join(' ');
    if (kind === 'dropped word') quoted = [...tokens.slice(0, at), ...tokens.slice(at + 1)].join(' ');
    if (kind === 'wrong speaker') by = speakers.find(other => other !== speaker && next() < 0.2) ?? speakers[0];
    if (kind === 'invented') quoted = `we will keep every channel of dialogue open with our partners while the storm of misunderstanding passes over harbor ${q}`;
    const sentence = `${by} said "${quoted}"`;
    planted.push({ kind, text: quoted });
    paragraphs.push(sentence, narration[n++ % Math.max(1, narration.length)] ?? '');
    words += sentence.split(/\s+/).length + (narration[(n - 1) % Math.max(1, narration.length)] ?? '').split(/\s+/).length;
  }
  const draft = paragraphs.join('\n\n');
  return { draft, planted };
}

/**
 * A 5,000-word draft made from the corpus: quotations planted exact, with a changed word, with a dropped word,
 * given to the wrong speaker, and invented, between paragraphs of narration. Prints the time of a first check,
 * of re-checks after typing (the draft-as-you-type case), and how each planted case was diagnosed.
 */
export function benchDraftCheck(index: CorpusIndex): void {
  const { draft, planted } = plantDraft(index);
  const draftWords = draft.split(/\s+/).length;

  const checker = new QuoteChecker(index);
  let cpu = cpuMs();
  let started = performance.now();
  const checks = checker.check(draft);
  const cold = performance.now() - started;
  const coldCpu = cpuMs() - cpu;
  console.log(`draft: ${draftWords} words, ${planted.length} planted quotations, ${checks.length} checked; first check ${ms(cold)} (${coldCpu.toFixed(0)} CPU-ms), the first in this process: patterns and code compiled on first use`);
  // The server checks a short draft after each full pass (corpusService.ts), so a writer's first check finds
  // that done: the same draft on a fresh checker after it.
  new QuoteChecker(index).check(WARM_UP_DRAFT);
  cpu = cpuMs();
  started = performance.now();
  new QuoteChecker(index).check(draft);
  console.log(`first check on a fresh checker after the server's warm-up draft ${ms(performance.now() - started)} (${(cpuMs() - cpu).toFixed(0)} CPU-ms)`);

  // Typing: one word changes per keystroke, in the narration (no quotation changes) or inside a quotation.
  const typing = (label: string, edit: (round: number) => string) => {
    const times: number[] = [];
    for (let round = 0; round < 30; round++) {
      const text = edit(round);
      started = performance.now();
      checker.check(text);
      times.push(performance.now() - started);
    }
    console.log(`re-check after ${label.padEnd(28)} p50 ${ms(percentile(times, 50))}, p95 ${ms(percentile(times, 95))} (30 edits)`);
  };
  const lastNarration = draft.lastIndexOf('\n\n') + 2;
  typing('typing in the narration', round => `${draft.slice(0, lastNarration)}word${round} ${draft.slice(lastNarration)}`);
  const firstQuote = draft.indexOf('"') + 1;
  typing('typing inside a quotation', round => `${draft.slice(0, firstQuote)}word${round} ${draft.slice(firstQuote)}`);

  // How each planted case was diagnosed.
  const verdict = (check: QuoteCheck | undefined) =>
    !check ? 'not checked' : check.wording === 'unsourced' ? 'no source' : check.attribution === 'wrong' || check.attribution === 'relayed' ? 'wrong speaker' : check.wording === 'reworded' ? 'reworded' : check.attribution === 'notQuoted' ? 'not a quotation' : 'verbatim, right speaker';
  const expected: Record<Planted, string> = { exact: 'verbatim, right speaker', 'changed word': 'reworded', 'dropped word': 'reworded', 'wrong speaker': 'wrong speaker', invented: 'no source' };
  for (const kind of PLANTED) {
    const outcomes = new Map<string, number>();
    const ofKind = planted.filter(p => p.kind === kind);
    const misses: string[] = [];
    for (const { text } of ofKind) {
      const check = checks.find(c => c.quotation.text === text);
      const outcome = verdict(check);
      outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
      if (outcome !== expected[kind]) misses.push(`    ${outcome}: "${text.slice(0, 90)}" by ${check?.quotation.attribution?.form} → corpus: ${check?.source?.speaker} "${check?.source?.exact.slice(0, 90)}"`);
    }
    const right = outcomes.get(expected[kind]) ?? 0;
    console.log(`${kind.padEnd(14)} ${right}/${ofKind.length} diagnosed as "${expected[kind]}"; ${[...outcomes].filter(([o]) => o !== expected[kind]).map(([o, c]) => `${c} ${o}`).join(', ') || 'no others'}`);
    if (process.env.BENCH_VERBOSE) misses.forEach(miss => console.log(miss));
  }
}
