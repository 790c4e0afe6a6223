#!/usr/bin/env node
/**
 * `statement-lens`: the command-line face of the core.
 *   statement-lens index [<folder>...] [--json]
 *   statement-lens search "<query>" [--corpus <folder>]... [--limit N] [--json]
 *   statement-lens people [<folder>...] [--json]
 *   statement-lens cite <draft> [--corpus <folder>]... [--csl-json]
 *   statement-lens clear-cache [--cache <dir>]
 * With no folder, the bundled seeds are used. Parses are kept in the index cache (--cache, --no-cache).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CorpusIndexer, cslItemsOf, DEFAULT_CITATION_FORMAT, QuoteChecker } from './core';
import { FileSystemCorpusHost, resolveRoots } from './corpusFiles';
import { clearCacheRoot, defaultCacheRoot, expandHome, openIndexCache } from './indexStore/cacheFolder';
import { detailOf, personSummaryOf, summaryOf } from './convert';
import { searchQuotes } from './features/quoteSearch';
import { limitHeapGrowth } from './heapGrowth';
import { createParserPool, parseHereUpTo } from './parseWorkers';

const USAGE = `Usage:
  statement-lens index [<folder>...] [--json]
  statement-lens search "<query>" [--corpus <folder>]... [--limit N] [--json] [--citation-format <format>]
  statement-lens people [<folder>...] [--json] [--query <name>]
  statement-lens cite <draft> [--corpus <folder>]... [--csl-json]
  statement-lens clear-cache [--cache <dir>]

Without folders, the bundled seeds are indexed. Query filters: speaker:<name> before:<date> after:<date>.
Files that have not changed since the last run are not parsed again: their parses are kept in the index cache,
--cache <dir> (default: $XDG_CACHE_HOME/statement-lens, else ~/.cache/statement-lens); --no-cache keeps none.`;

/** Options that take a value, per command; anything else starting with -- is a mistake worth saying. */
const VALUE_OPTIONS = new Set(['--corpus', '--limit', '--citation-format', '--cache', '--query']);
const FLAGS = new Set(['--json', '--no-cache']);

/** A mistake on the command line or in the folders given: said on stderr, exit code 2 (usage) or 1. */
class CliError extends Error {
  constructor(message: string, readonly exitCode = 1) {
    super(message);
  }
}

async function main(argv: string[]): Promise<number> {
  limitHeapGrowth();
  const [command, ...rest] = argv;
  const json = rest.includes('--json');
  const cslJson = rest.includes('--csl-json');
  const options = new Map<string, string[]>();
  const positional: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    if (FLAGS.has(rest[i]) || (rest[i] === '--csl-json' && command === 'cite')) continue;
    if (rest[i].startsWith('--')) {
      if (!VALUE_OPTIONS.has(rest[i])) throw new CliError(`unknown option ${rest[i]}\n\n${USAGE}`, 2);
      if (i + 1 >= rest.length) throw new CliError(`${rest[i]} needs a value`, 2);
      options.set(rest[i], [...(options.get(rest[i]) ?? []), rest[++i]]);
    } else positional.push(rest[i]);
  }
  const seeds = path.resolve(__dirname, '..', '..', 'seeds');
  const cacheRoot = rest.includes('--no-cache') ? undefined : path.resolve(expandHome(options.get('--cache')?.at(-1) ?? defaultCacheRoot()));
  const indexFolders = (folders: string[]) => indexCorpus(folders, cacheRoot);
  if (command === 'clear-cache') {
    if (!cacheRoot) throw new CliError('clear-cache needs a cache folder, not --no-cache', 2);
    const removed = await clearCacheRoot(cacheRoot);
    console.log(`Cleared ${removed} corpus cache${removed === 1 ? '' : 's'} in ${cacheRoot}`);
    return 0;
  }
  if (command === 'index') {
    const indexer = await indexFolders(positional.length ? positional : [seeds]);
    const documents = [...indexer.index.all()].sort((a, b) => (b.date.value ?? '').localeCompare(a.date.value ?? '') || a.uri.localeCompare(b.uri));
    if (json) {
      process.stdout.write(JSON.stringify({ documents: documents.map(d => ({ path: fileURLToPath(d.uri), ...detailOf(d, indexer.index) })) }, null, 2) + '\n');
    } else {
      for (const document of documents) {
        const summary = summaryOf(document, indexer.index);
        // A holder taken from the office the document names says so: "Dana Wexford (as Press Secretary)".
        const speakers = summary.speakers.map(speaker => {
          const office = summary.speakerOffices?.find(entry => entry.speaker === speaker);
          return office ? `${speaker} (as ${office.office})` : speaker;
        });
        console.log(`${(summary.date ?? summary.partialDate ?? 'undated').padEnd(10)}  ${(speakers.join(', ') || '—').padEnd(28)}  ${summary.title}`);
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
    const limit = Number(options.get('--limit')?.[0] ?? 10);
    if (!Number.isInteger(limit) || limit < 1) throw new CliError(`--limit must be a positive whole number, not ${options.get('--limit')?.[0]}`, 2);
    const format = options.get('--citation-format')?.[0] ?? DEFAULT_CITATION_FORMAT;
    // The same search as the server's, with file paths for URIs.
    const hits = searchQuotes(indexer.index, query, limit, format, note => console.error(note)).map(({ text, speaker, date, uri, range, documentTitle, score, citation }) => ({ text, speaker, date, path: fileURLToPath(uri), range, documentTitle, score, citation }));
    if (json) process.stdout.write(JSON.stringify({ query, hits }, null, 2) + '\n');
    else if (hits.length === 0) console.log('No matching quotes.');
    else for (const hit of hits) console.log(`${hit.score.toFixed(3)}  ${hit.citation}\n       ${hit.documentTitle} — ${hit.path}:${hit.range.start.line + 1}\n`);
    return 0;
  }
  if (command === 'cite' && positional.length === 1) {
    const draft = path.resolve(positional[0]);
    if (!existsSync(draft) || !statSync(draft).isFile()) throw new CliError(`no such draft: ${draft}`);
    const indexer = await indexFolders(options.get('--corpus') ?? [seeds]);
    const items = cslItemsOf(new QuoteChecker(indexer.index).check(readFileSync(draft, 'utf8')), indexer.index);
    if (cslJson) process.stdout.write(JSON.stringify(items, null, 2) + '\n');
    else if (items.length === 0) console.log('No quotation of the draft has a source in the corpus.');
    else for (const item of items) console.log(`${item.id}  ${item.note}\n       ${[item.title, item['container-title'], item.issued?.['date-parts'][0].map(part => String(part).padStart(2, '0')).join('-'), item.URL].filter(Boolean).join(' · ')}\n`);
    return 0;
  }
  console.error(USAGE);
  return command === '--help' || command === '-h' ? 0 : 2;
}

async function indexCorpus(folders: string[], cacheRoot: string | undefined): Promise<CorpusIndexer> {
  const roots = resolveRoots(folders, [process.cwd()]);
  const missing = roots.filter(root => !existsSync(root.folder));
  if (missing.length) throw new CliError(`no such folder: ${missing.map(root => root.folder).join(', ')}`);
  const log = (message: string) => console.error(message);
  const host = new FileSystemCorpusHost(roots, log);
  const parser = createParserPool();
  const cache = cacheRoot ? openIndexCache(cacheRoot, roots, message => console.error(`statement-lens: ${message}`)) : undefined;
  const indexer = new CorpusIndexer(host, { parser, parseHereUpTo: parseHereUpTo(parser), cache });
  const report = await indexer.indexAll();
  parser?.dispose();
  await cache?.flush(uri => indexer.index.get(uri));
  for (const problem of report.problems) console.error(`${fileURLToPath(problem.uri)}: ${problem.severity}: ${problem.message}`);
  return indexer;
}

/**
 * Exits once standard output and error have drained. Through a pipe, Node writes asynchronously, and
 * `process.exit` right after a large write cuts it off at the pipe's 64 KB.
 */
async function exit(code: number): Promise<never> {
  const drained = (stream: NodeJS.WriteStream) => new Promise<void>(resolve => stream.write('', () => resolve()));
  await Promise.all([drained(process.stdout), drained(process.stderr)]);
  process.exit(code);
}

// A reader that stops early (`| head`) closes the pipe: that is the reader's choice, not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => process.exit(error.code === 'EPIPE' ? 0 : 1));

main(process.argv.slice(2)).then(exit, error => {
  console.error(`statement-lens: ${error instanceof CliError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  return exit(error instanceof CliError ? error.exitCode : 1);
});
