/**
 * `npm run bench:attribution [-- --split test] [--misses N] [--baseline]`: scores the quotation extractor on
 * PolNeAR, a corpus of political news with attributions (source, cue, content) annotated in brat standoff files.
 *
 * The corpus has no licence: it is read from where POLNEAR points and never copied here; without it the scorer
 * says so and exits 0 (CI has no copy). Only `data/dev` (default) and `data/test` are read; `data/train` is
 * reserved for independent checks and refused. Prints figures; asserts nothing. POLNEAR_ANTECEDENTS=<folder> scores
 * pronoun and description sources against referents a person read (`polnear/antecedents.ts`) instead of CoreNLP's.
 */
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseStatement, type Quote } from '../server/src/core';
import { readBrat } from './polnear/brat';
import { listDocuments, type PolnearDocument, type Split } from './polnear/corpus';
import { readCoreNlp } from './polnear/corenlp';
import { OVERLAP_RULE } from './polnear/matching';
import { overallLine, printLegend, printSamples, printSystem } from './polnear/report';
import { readAntecedents } from './polnear/antecedents';
import { addTally, emptyTally, scoreDocument, type Prediction, type Sample, type ScoredDocument, type Tally } from './polnear/score';
import { isSwapped } from './polnear/speakers';
import { textacyQuotations } from './polnear/textacyBaseline';

interface Options {
  readonly root: string;
  readonly split: Split;
  readonly misses: number;
  readonly baseline: boolean;
}

/** A system under test: its quotations for one article. */
interface System {
  readonly label: string;
  readonly quotations: (document: PolnearDocument, scored: ScoredDocument) => Prediction[];
  readonly byPublisher: Map<string, Tally>;
  readonly overall: Tally;
  readonly samples: Sample[];
}

function readOptions(argv: readonly string[]): Options | string {
  const value = (flag: string) => {
    const at = argv.indexOf(flag);
    return at === -1 ? undefined : argv[at + 1];
  };
  const split = value('--split') ?? process.env.POLNEAR_SPLIT ?? 'dev';
  if (split !== 'dev' && split !== 'test') return `--split must be dev or test (data/train is reserved and never read), not "${split}".`;
  const misses = Number(value('--misses') ?? 0);
  if (!Number.isInteger(misses) || misses < 0) return `--misses takes a count, not "${value('--misses')}".`;
  return { root: process.env.POLNEAR ?? '', split, misses, baseline: argv.includes('--baseline') };
}

const SPEAKER_KINDS = new Set(['person', 'organisation', 'unnamed']);

/** The extractor's quotations; `speakerKind` is read when the model has it (it is being added). */
function statementLensQuotations(document: PolnearDocument, scored: ScoredDocument): Prediction[] {
  const parsed = parseStatement({ uri: pathToFileURL(document.textFile).toString(), text: scored.text });
  return parsed.quotes.map((quote: Quote & { speakerKind?: unknown }) => ({
    span: quote.span,
    kind: quote.kind,
    speaker: quote.speaker,
    ...(typeof quote.speakerKind === 'string' && SPEAKER_KINDS.has(quote.speakerKind) ? { speakerKind: quote.speakerKind } : {}),
  }));
}

const system = (label: string, quotations: System['quotations']): System => ({ label, quotations, byPublisher: new Map(), overall: emptyTally(), samples: [] });

function printHeader(options: Options, documents: PolnearDocument[], read: { spans: number; mismatches: number; swapped: number }): void {
  const shared = documents.filter(d => d.annotators > 1).length;
  const withoutCoreNlp = documents.filter(d => !d.coreNlpFile).length;
  console.log(`# PolNeAR attribution, data/${options.split}: ${documents.length} articles (${options.root})\n`);
  console.log(`Matching: ${OVERLAP_RULE}.`);
  console.log([
    'Recall over gold contents containing a quotation mark (“ ” " or \'\');',
    'precision over predicted quotes with a mark in or next to their span, matched against every gold content.',
  ].join(' '));
  console.log([
    'Speaker (of the matched direct quote overlapping most): a name source needs the same person (surname/full-name);',
    'a pronoun, its CoreNLP coreference antecedent (a person for he/she); a description ("a source", "the campaign"),',
    'an equal-ish described speaker or a person its coreference chain names, or, for "the <title>" ("the mayor"),',
    'the one person the article names with that title ("Mayor Ana Ruiz", "Sen. Ana Ruiz"; none when two are).',
    'Pronouns CoreNLP leaves unresolved and attributions without a source are counted apart.',
  ].join(' '));
  console.log([
    `Annotations: ${shared} articles have several annotators; the first by file name is scored.`,
    `${read.spans} spans read, ${read.mismatches} whose offsets do not give their text;`,
    `${read.swapped} attributions with Source and Cue swapped (the verb marked as source) read the right way round.`,
    `Articles without a CoreNLP file (sources read from capitalization): ${withoutCoreNlp}.`,
  ].join(' '));
  console.log('\nColumns (figure (k/n) = hits/total):');
  printLegend();
}

function main(): void {
  const options = readOptions(process.argv.slice(2));
  if (typeof options === 'string') {
    console.error(options);
    process.exit(2);
  }
  if (!options.root || !existsSync(path.join(options.root, 'data', options.split))) {
    console.log(`PolNeAR not found${options.root ? ` at ${options.root} (no data/${options.split})` : ' (POLNEAR is not set)'}: it is not part of the repository (it has no licence). Set POLNEAR=<path to a PolNeAR copy> to score; skipping.`);
    return;
  }
  const started = performance.now();
  const documents = listDocuments(options.root, options.split);
  const systems = [system('Statement Lens', statementLensQuotations)];
  if (options.baseline) systems.push(system('textacy direct_quotations rule (baseline, on CoreNLP)', (_, scored) => (scored.core ? textacyQuotations(scored.text, scored.core) : [])));
  const read = { spans: 0, mismatches: 0, swapped: 0 };
  const antecedents = readAntecedents(process.env.POLNEAR_ANTECEDENTS, options.split);
  for (const document of documents) {
    const text = readFileSync(document.textFile, 'utf8');
    const brat = readBrat(readFileSync(document.annotationFile, 'utf8'), text);
    read.spans += brat.spans;
    read.mismatches += brat.mismatches;
    const core = document.coreNlpFile ? readCoreNlp(readFileSync(document.coreNlpFile, 'utf8')) : undefined;
    const attributions = brat.attributions.map(a => (isSwapped(a, core) ? (read.swapped++, { ...a, source: a.cue, cue: a.source }) : a));
    const scored: ScoredDocument = { name: document.name, text, attributions, core, antecedents };
    for (const each of systems) {
      const tally = emptyTally();
      scoreDocument(scored, each.quotations(document, scored), tally, each.samples);
      if (!each.byPublisher.has(document.publisher)) each.byPublisher.set(document.publisher, emptyTally());
      addTally(each.byPublisher.get(document.publisher)!, tally);
      addTally(each.overall, tally);
    }
  }
  printHeader(options, documents, read);
  if (antecedents) {
    const read = [...antecedents.values()].flatMap(sources => [...sources.values()]);
    console.log(`\nSources read by a person (POLNEAR_ANTECEDENTS): ${read.filter(r => r.form === 'pronoun').length} pronouns, ${read.filter(r => r.form === 'description').length} descriptions; their speakers score against the reader's referent instead of CoreNLP's.`);
  }
  for (const each of systems) printSystem(each.label, each.byPublisher, each.overall);
  if (options.misses > 0) {
    console.log(`\n## Samples (Statement Lens, ${options.misses} of each)`);
    printSamples(systems[0].samples, options.misses);
  }
  console.log('');
  for (const each of systems) console.log(overallLine(each.label, each.overall));
  console.log(`\n${documents.length} articles scored in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
}

main();
