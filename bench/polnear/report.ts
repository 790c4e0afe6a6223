/** Prints the figures: a table per publisher for each system, overall totals, and sample lines. */
import { METRICS, type Metric, type Ratio, type Sample, type SampleKind, type Tally } from './score';

export const figure = ({ hit, total }: Ratio) => `${total ? (hit / total).toFixed(3) : '  -  '} (${hit}/${total})`;

const MAIN: Metric[] = ['direct', 'directPrecision', 'anyKind', 'anyKindPrecision', 'speaker', 'all', 'indirectPrecision'];
const DETAIL: Metric[] = ['short', 'long', 'doubled', 'name', 'pronoun', 'description'];

function table(rows: [string, Tally][], columns: Metric[], extra?: (tally: Tally) => string[], extraHeads: string[] = []): string[] {
  const cells = rows.map(([name, tally]) => [name, String(tally.documents), ...columns.map(metric => figure(tally.ratios[metric])), ...(extra?.(tally) ?? [])]);
  const heads = ['publisher', 'docs', ...columns.map(metric => METRICS[metric].head), ...extraHeads];
  const widths = heads.map((head, i) => Math.max(head.length, ...cells.map(row => row[i].length)));
  const line = (row: string[]) => row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ');
  return [line(heads), ...cells.map(line)];
}

/** Both tables for one system: per publisher, then the overall row. */
export function printSystem(label: string, byPublisher: Map<string, Tally>, overall: Tally): void {
  const rows: [string, Tally][] = [...[...byPublisher].sort(([a], [b]) => a.localeCompare(b)), ['overall', overall]];
  console.log(`\n## ${label}\n`);
  for (const line of table(rows, MAIN)) console.log(line);
  console.log('');
  const left = (tally: Tally) => [String(tally.unresolvedPronouns), String(tally.noSource)];
  for (const line of table(rows, DETAIL, left, ['unresolved pronoun', 'no source'])) console.log(line);
}

/** One line to quote in a report or commit message. */
export function overallLine(label: string, overall: Tally): string {
  return `overall ${label}: ${MAIN.map(metric => `${METRICS[metric].head} ${figure(overall.ratios[metric])}`).join(', ')}`;
}

export function printLegend(): void {
  for (const { head, meaning } of Object.values(METRICS)) console.log(`  ${head.padEnd(20)} ${meaning}`);
  console.log(`  ${'unresolved pronoun'.padEnd(20)} matched direct quotes whose pronoun source CoreNLP did not resolve (not in speaker)`);
  console.log(`  ${'no source'.padEnd(20)} matched direct quotes whose attribution has no source (not in speaker)`);
}

/** `n` samples of each kind, spread evenly over the articles (file-name order) rather than the first ones. */
export function printSamples(samples: readonly Sample[], n: number): void {
  for (const kind of ['missed', 'false positive', 'wrong speaker', 'missed indirect', 'unmatched indirect'] as SampleKind[]) {
    const ofKind = samples.filter(sample => sample.kind === kind);
    const shown = ofKind.length <= n ? ofKind : Array.from({ length: n }, (_, i) => ofKind[Math.floor((i * ofKind.length) / n)]);
    console.log(`\n### ${shown.length} of ${ofKind.length} ${kind === 'missed' ? 'missed quote-mark contents' : kind === 'false positive' ? 'false positives (direct quotes with a mark matching no gold content)' : kind === 'wrong speaker' ? 'wrong speakers' : kind === 'missed indirect' ? 'missed attributions without a quotation mark (indirect speech)' : 'quotes without a mark matching no gold content'}\n`);
    for (const sample of shown) console.log(`- ${sample.line}`);
  }
}
