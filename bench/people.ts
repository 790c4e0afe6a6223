import { readFileSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import * as path from 'node:path';
import { PersonResolver, type CorpusIndex, type StatementDocument } from '../server/src/core';
import { summaryOf } from '../server/src/convert';
import { ms, percentile } from './stats';

const GOLD = path.resolve(__dirname, '..', 'test', 'gold', 'people.gold.json');

interface Gold {
  readonly people: { person: string; names: string[] }[];
}

/**
 * Person resolution on the whole corpus: its cost against the full index, a one-file re-resolution, pairwise
 * precision and recall against test/gold/people.gold.json, the top people by documents (written out for
 * reading), and the speaker view's groups.
 */
export function benchPeople(index: CorpusIndex, indexSeconds: number): void {
  // Cost: the same work as during indexing (every document's names, then one resolution), on its own.
  const documents = [...index.all()];
  const resolver = new PersonResolver();
  let started = performance.now();
  for (const document of documents) resolver.setDocument(document);
  const setMs = performance.now() - started;
  started = performance.now();
  resolver.flush();
  const flushMs = performance.now() - started;
  const total = (setMs + flushMs) / 1000;
  console.log(`resolution of ${documents.length} documents: ${ms(setMs)} to take their names + ${ms(flushMs)} to resolve = ${total.toFixed(2)} s, ${((total / indexSeconds) * 100).toFixed(1)} % of the full index (${indexSeconds.toFixed(1)} s)`);

  // One changed file: the index takes it, then resolves again on the next question. Each of 40 documents is
  // set three times: with its date moved a day (every name in it has new evidence: the worst case for one
  // file), back as it was (the same again), and once more unchanged (a save that leaves its names as they
  // were). CPU is this thread's; wall time also counts the other load on the machine.
  const moved: number[] = [], movedWall: number[] = [], same: number[] = [];
  const shifted = (document: StatementDocument): StatementDocument => ({ ...document, date: { ...document.date, value: nextDay(document.date.value) } });
  const timed = (document: StatementDocument) => {
    index.set(document);
    const start = performance.now(), used = process.cpuUsage();
    index.canonicalName('Biden');
    const spent = process.cpuUsage(used);
    return { cpu: (spent.user + spent.system) / 1000, wall: performance.now() - start };
  };
  for (let i = 0; i < 40; i++) {
    const document = documents[(i * 313) % documents.length];
    for (const version of [shifted(document), document]) {
      const { cpu, wall } = timed(version);
      moved.push(cpu);
      movedWall.push(wall);
    }
    same.push(timed(document).cpu);
  }
  console.log(`one changed file re-resolved (load ${loadavg()[0].toFixed(1)}): names changed (80): CPU p50 ${ms(percentile(moved, 50))}, p95 ${ms(percentile(moved, 95))}, wall p50 ${ms(percentile(movedWall, 50))}, p95 ${ms(percentile(movedWall, 95))}; names unchanged (40): CPU p50 ${ms(percentile(same, 50))}, p95 ${ms(percentile(same, 95))}`);

  // Pairwise precision and recall of the merge against the hand-made groups.
  const gold = JSON.parse(readFileSync(GOLD, 'utf8')) as Gold;
  const entries: { name: string; person: string; id: string }[] = [];
  let missing = 0;
  for (const { person, names } of gold.people) {
    for (const name of names) {
      if (!index.identity(name) && index.canonicalName(name) === name && !index.person(name)) {
        missing++;
        continue;
      }
      entries.push({ name, person, id: index.canonicalName(name) });
    }
  }
  let truePairs = 0, predicted = 0, actual = 0;
  const wrongMerges: string[] = [], missedMerges: string[] = [];
  for (let i = 0; i < entries.length; i++) {
    for (let j = i + 1; j < entries.length; j++) {
      const same = entries[i].person === entries[j].person, merged = entries[i].id === entries[j].id;
      if (same) actual++;
      if (merged) predicted++;
      if (same && merged) truePairs++;
      if (merged && !same) wrongMerges.push(`${entries[i].name} + ${entries[j].name}`);
      if (same && !merged) missedMerges.push(`${entries[i].name} / ${entries[j].name}`);
    }
  }
  const surnamePairs = countSameSurnamePairs(gold);
  console.log(`gold: ${gold.people.length} people, ${entries.length} name strings found (${missing} not in the corpus), ${actual} same-person pairs, ${surnamePairs} same-surname pairs of different people`);
  console.log(`pairwise merge precision ${(truePairs / Math.max(1, predicted)).toFixed(3)}, recall ${(truePairs / Math.max(1, actual)).toFixed(3)}`);
  if (wrongMerges.length) console.log(`  wrong merges: ${wrongMerges.slice(0, 10).join('; ')}`);
  if (missedMerges.length) console.log(`  missed merges: ${missedMerges.slice(0, 15).join('; ')}`);

  // The people with the most documents, written out to be read for non-people.
  const top = index.people(undefined, 500);
  const out = process.env.PEOPLE_TOP ?? path.join(tmpdir(), 'statement-lens-top-people.txt');
  writeFileSync(out, top.map((person, i) => `${i + 1}\t${person.documents}\t${person.name}\t${person.aliases.slice(0, 6).join(', ')}`).join('\n') + '\n');
  console.log(`top 500 people by documents written to ${out} (read them for non-people); first 15: ${top.slice(0, 15).map(p => `${p.name} (${p.documents})`).join(', ')}`);

  // The speaker view: the summaries the client asks for, grouped by speaker as the client does.
  started = performance.now();
  const summaries = documents.map(document => summaryOf(document, index));
  const groups = new Map<string, number>();
  let unknown = 0;
  for (const summary of summaries) {
    if (summary.speakers.length === 0) unknown++;
    for (const speaker of summary.speakers.length ? summary.speakers : ['Unknown speaker']) groups.set(speaker, (groups.get(speaker) ?? 0) + 1);
  }
  const viewMs = performance.now() - started;
  console.log(`speaker view: ${groups.size} groups, ${unknown} documents under "Unknown speaker", built in ${ms(viewMs)} (summaries with resolved speakers, then grouping)`);
  const writtenGroups = new Set(documents.flatMap(document => document.speakers.value)).size;
  console.log(`  (${writtenGroups} distinct speaker names as written, before resolution)`);
}

/** The day after a date (`YYYY-MM-DD`), a more precise date for `YYYY` or `YYYY-MM`, or one for an undated document. */
function nextDay(date: string | null): string {
  if (!date) return '2020-01-01';
  if (date.length < 10) return `${date}-01`.slice(0, 10);
  return date.endsWith('-01') ? `${date.slice(0, 8)}02` : `${date.slice(0, 8)}01`;
}

function countSameSurnamePairs(gold: Gold): number {
  const bySurname = new Map<string, Set<string>>();
  for (const { person, names } of gold.people) {
    for (const name of names) {
      const surname = name.split(/\s+/).pop()!.toLowerCase().replace(/^(?:al|el)-/, '');
      let people = bySurname.get(surname);
      if (!people) bySurname.set(surname, (people = new Set()));
      people.add(person);
    }
  }
  let pairs = 0;
  for (const people of bySurname.values()) pairs += (people.size * (people.size - 1)) / 2;
  return pairs;
}
