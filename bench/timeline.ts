import type { CorpusIndex } from '../server/src/core';
import { phraseTimelineOf, timelineOf } from '../server/src/features/timeline';
import { ms, percentile } from './stats';

/**
 * The timeline requests on the whole corpus, as the server answers them (LSP ranges included): a person's
 * timeline for the people quoted most and for names as writers type them, and who used a phrase, from rare
 * phrases to common ones. Wall time and CPU time per request, statements returned and the JSON size.
 */
export function benchTimeline(index: CorpusIndex): void {
  const measure = (run: () => unknown[]) => {
    const cpu = process.cpuUsage(), started = performance.now();
    const result = run();
    const wall = performance.now() - started, used = process.cpuUsage(cpu);
    return { wall, cpu: (used.user + used.system) / 1000, count: result.length, bytes: JSON.stringify(result).length };
  };
  const row = (label: string, m: ReturnType<typeof measure>) => console.log(`${label.padEnd(44)} ${String(m.count).padStart(6)} statements  ${ms(m.wall).padStart(9)} wall  ${ms(m.cpu).padStart(9)} CPU  ${(m.bytes / 1024).toFixed(0).padStart(6)} KB JSON`);

  const quoted = index.people(undefined, 400).sort((a, b) => b.quotes - a.quotes).slice(0, 8).map(p => p.name);
  const typed = ['Biden', 'Blinken', 'Secretary Blinken', 'Qin', 'Zelenskyy', 'Harris'];
  console.log('person timelines (first request for a person, then the same again):');
  const warm: number[] = [];
  for (const name of [...quoted, ...typed]) {
    row(`  ${name}`, measure(() => timelineOf(index, name)));
    for (let round = 0; round < 3; round++) warm.push(measure(() => timelineOf(index, name)).wall);
  }
  console.log(`  again: p50 ${ms(percentile(warm, 50))}, p95 ${ms(percentile(warm, 95))}, max ${ms(Math.max(...warm))} (${warm.length} requests)`);

  console.log('phrase timelines (limit 1,000, the default; every quotation of the corpus is read):');
  const phrases = ['sheer gangster logic', 'back to the right track', 'exploring process', 'rules-based international order', 'climate crisis', 'the American people', 'United States'];
  const times: number[] = [];
  for (const phrase of phrases) {
    const m = measure(() => phraseTimelineOf(index, phrase));
    times.push(m.wall);
    row(`  "${phrase}"`, m);
  }
  console.log(`  p50 ${ms(percentile(times, 50))}, max ${ms(Math.max(...times))}`);
}
