#!/usr/bin/env node
/**
 * `statement-lens`: the command-line face of the core.
 *   statement-lens index [<folder>...] [--json]
 *   statement-lens search "<query>" [--corpus <folder>]... [--limit N] [--json]
 *   statement-lens people [<folder>...] [--json]
 * With no folder, the bundled seeds are used.
 */
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CorpusIndexer, DEFAULT_CITATION_FORMAT, formatCitation } from './core';
import { boundQuery } from './core/queryBounds';
import { FileSystemCorpusHost, resolveRoots } from './corpusFiles';
import { detailOf, personSummaryOf, rangeOf, summaryOf } from './convert';
import { createParserPool } from './parseWorkers';

const USAGE = `Usage:
  statement-lens index [<folder>...] [--json]
  statement-lens search "<query>" [--corpus <folder>]... [--limit N] [--json] [--citation-format <format>]
  statement-lens people [<folder>...] [--json] [--query <name>]

Without folders, the bundled seeds are indexed. Query filters: speaker:<name> before:<date> after:<date>.`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const json = rest.includes('--json');
  const options = new Map<string, string[]>();
  const positional: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    if (rest[i] === '--json') continue;
    if (rest[i].startsWith('--')) {
      options.set(rest[i], [...(options.get(rest[i]) ?? []), rest[++i] ?? '']);
    } else positional.push(rest[i]);
  }
  const seeds = path.resolve(__dirname, '..', '..', 'seeds');
  if (command === 'index') {
    const indexer = await indexFolders(positional.length ? positional : [seeds]);
    const documents = [...indexer.index.all()].sort((a, b) => (b.date.value ?? '').localeCompare(a.date.value ?? '') || a.uri.localeCompare(b.uri));
    if (json) {
      process.stdout.write(JSON.stringify({ documents: documents.map(d => ({ path: fileURLToPath(d.uri), ...detailOf(d, indexer.index) })) }, null, 2) + '\n');
    } else {
      for (const document of documents) {
        const summary = summaryOf(document, indexer.index);
        console.log(`${(summary.date ?? summary.partialDate ?? 'undated').padEnd(10)}  ${(summary.speakers.join(', ') || '—').padEnd(28)}  ${summary.title}`);
      }
      const stats = indexer.index.stats();
      console.log(`\n${stats.documents} documents, ${stats.quotes} quotes, ${stats.people} people`);
    }
    return 0;
  }
  if (command === 'people') {
    const indexer = await indexFolders(positional.length ? positional : [seeds]);
    const people = indexer.index.people(options.get('--query')?.[0]).map(personSummaryOf);
    if (json) {
      process.stdout.write(JSON.stringify({ people: people.map(({ name, aliases, roles, documents, quotes }) => ({ name, aliases, roles: roles.map(({ title, from, to }) => ({ title, from, to })), documents, quotes })) }, null, 2) + '\n');
    } else {
      for (const person of people) {
        const role = person.roles[0];
        console.log(`${String(person.documents).padStart(6)} docs ${String(person.quotes).padStart(6)} quotes  ${person.name}${role ? ` — ${role.title}${role.to ? ` (${role.from === role.to ? role.to : `${role.from ?? '…'} – ${role.to}`})` : ''}` : ''}${person.aliases.length ? `  [also ${person.aliases.slice(0, 5).join(', ')}${person.aliases.length > 5 ? ', …' : ''}]` : ''}`);
      }
      console.log(`\n${people.length} people`);
    }
    return 0;
  }
  if (command === 'search' && positional.length > 0) {
    const query = positional.join(' ');
    const indexer = await indexFolders(options.get('--corpus') ?? [seeds]);
    const limit = Number(options.get('--limit')?.[0] ?? 10) || 10;
    const format = options.get('--citation-format')?.[0] ?? DEFAULT_CITATION_FORMAT;
    for (const note of boundQuery(query).notes) console.error(note);
    const hits = indexer.index.searchQuotes(query, limit).map(hit => {
      const document = indexer.index.get(hit.entry.uri)!;
      return {
        text: hit.entry.text,
        speaker: hit.entry.speaker,
        date: hit.entry.date,
        path: fileURLToPath(hit.entry.uri),
        range: rangeOf(document, hit.entry.span),
        documentTitle: hit.entry.documentTitle,
        score: Math.round(hit.score * 1000) / 1000,
        citation: formatCitation({ quote: hit.entry.text, speaker: hit.entry.speaker, date: hit.entry.date, outlet: document.outlet.value, title: document.title.value }, format),
      };
    });
    if (json) process.stdout.write(JSON.stringify({ query, hits }, null, 2) + '\n');
    else if (hits.length === 0) console.log('No matching quotes.');
    else for (const hit of hits) console.log(`${hit.score.toFixed(3)}  ${hit.citation}\n       ${hit.documentTitle} — ${hit.path}:${hit.range.start.line + 1}\n`);
    return 0;
  }
  console.error(USAGE);
  return command === '--help' || command === '-h' ? 0 : 2;
}

async function indexFolders(folders: string[]): Promise<CorpusIndexer> {
  const host = new FileSystemCorpusHost(resolveRoots(folders, [process.cwd()]), message => console.error(message));
  const parser = createParserPool();
  const indexer = new CorpusIndexer(host, { parser });
  const report = await indexer.indexAll();
  parser?.dispose();
  for (const problem of report.problems) console.error(`${fileURLToPath(problem.uri)}: ${problem.severity}: ${problem.message}`);
  return indexer;
}

main(process.argv.slice(2)).then(code => process.exit(code), error => {
  console.error(error instanceof Error ? error.stack : error);
  process.exit(1);
});
