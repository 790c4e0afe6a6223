import { readFileSync, existsSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseStatement, type StatementDocument } from '../../server/src/core';
import { readSidecar } from '../../server/src/core/read/sidecar';
import { surnameOf } from '../../server/src/core/understand/people';

export interface GoldQuote { text: string; speaker: string | null; kind: string; via?: string | null }
export interface GoldPerson { name: string; roles: string[]; aliases: string[] }
export interface GoldDocument {
  path: string; kind: string; title: string | null; date: string | null; outlet: string | null;
  speakers: string[]; people: GoldPerson[]; quotes: GoldQuote[]; notInText?: string[];
}

export const PROJECT = path.resolve(__dirname, '..', '..');
export const CORPORA = path.resolve(PROJECT, '..', 'shared', 'corpora');

export function loadGold(file: string): GoldDocument[] {
  return (JSON.parse(readFileSync(path.join(PROJECT, 'test', 'gold', file), 'utf8')) as { documents: GoldDocument[] }).documents;
}

/** Parses the gold document's file the way the indexer does, with its folder's sidecar. */
export function parseGoldDocument(gold: GoldDocument, base: string): StatementDocument | undefined {
  const file = path.join(base, gold.path);
  if (!existsSync(file)) return undefined;
  const folder = path.dirname(file);
  let sidecar;
  for (const name of ['statements.yaml', 'MANIFEST.tsv']) {
    const sidecarFile = path.join(folder, name);
    if (existsSync(sidecarFile)) sidecar = readSidecar(name, readFileSync(sidecarFile, 'utf8')).entries.get(path.basename(file)) ?? sidecar;
  }
  return parseStatement({ uri: pathToFileURL(file).toString(), text: readFileSync(file, 'utf8'), sidecar });
}

const normalize = (text: string) => text.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/[“”"]/g, '"').replace(/[‘’']/g, "'").replace(/\s+/g, ' ').trim().toLowerCase();

/**
 * Same person: equal names, or the same surname when one side gives only the surname or a middle initial differs,
 * or one name ends the other ("de Blasio" / "Bill de Blasio", "Guajardo Villarreal" / "Ildefonso Guajardo
 * Villarreal": a surname of several words, given whole).
 */
export function samePerson(a: string | null | undefined, b: string | null | undefined): boolean {
  if (!a || !b) return a === b;
  const x = a.toLowerCase().replace(/[,.]|\bjr\b/g, '').trim(), y = b.toLowerCase().replace(/[,.]|\bjr\b/g, '').trim();
  if (x === y) return true;
  const sx = surnameOf(a).toLowerCase(), sy = surnameOf(b).toLowerCase();
  if (sx !== sy) return false;
  const fx = x.split(/\s+/), fy = y.split(/\s+/);
  const [short, long] = fx.length <= fy.length ? [fx, fy] : [fy, fx];
  return short.length === 1 || fx[0] === fy[0] || short.join(' ') === long.slice(long.length - short.length).join(' ');
}

export interface Score {
  goldQuotes: number; foundQuotes: number; matchedQuotes: number; rightSpeaker: number; rightKind: number;
  goldPeople: number; foundPeople: number; matchedPeople: number;
  metadataFields: number; metadataRight: number;
  misses: string[];
}

export const emptyScore = (): Score => ({ goldQuotes: 0, foundQuotes: 0, matchedQuotes: 0, rightSpeaker: 0, rightKind: 0, goldPeople: 0, foundPeople: 0, matchedPeople: 0, metadataFields: 0, metadataRight: 0, misses: [] });

export function scoreDocument(gold: GoldDocument, model: StatementDocument, into: Score): void {
  const label = path.basename(gold.path).slice(0, 40);
  // Quotations: a gold snippet (the first words) matches the model quote that contains it.
  const used = new Set<number>();
  into.goldQuotes += gold.quotes.length;
  into.foundQuotes += model.quotes.length;
  for (const quote of gold.quotes) {
    const snippet = normalize(quote.text);
    const index = model.quotes.findIndex((candidate, i) => !used.has(i) && normalize(candidate.text).includes(snippet.slice(0, 60)));
    if (index === -1) {
      into.misses.push(`${label}: missed ${quote.kind} quote "${quote.text}" (${quote.speaker})`);
      continue;
    }
    used.add(index);
    into.matchedQuotes++;
    const found = model.quotes[index];
    if (samePerson(found.speaker, quote.speaker)) into.rightSpeaker++;
    else into.misses.push(`${label}: "${quote.text}" attributed to ${found.speaker}, gold ${quote.speaker}`);
    if (found.kind === quote.kind) into.rightKind++;
  }
  model.quotes.forEach((quote, i) => {
    if (!used.has(i)) into.misses.push(`${label}: extra ${quote.kind} quote "${quote.text.slice(0, 60)}" (${quote.speaker})`);
  });
  // People.
  into.goldPeople += gold.people.length;
  into.foundPeople += model.people.length;
  for (const person of gold.people) {
    if (model.people.some(found => samePerson(found.name, person.name))) into.matchedPeople++;
    else into.misses.push(`${label}: missed person ${person.name}`);
  }
  // Metadata: title, date, speakers, and the outlet when the gold names one.
  const check = (field: string, right: boolean, detail: string) => {
    into.metadataFields++;
    if (right) into.metadataRight++;
    else into.misses.push(`${label}: ${field} ${detail}`);
  };
  if (gold.title !== null) check('title', normalize(model.title.value ?? '') === normalize(gold.title), `"${model.title.value}" vs gold "${gold.title}"`);
  check('date', model.date.value === gold.date, `${model.date.value} vs gold ${gold.date}`);
  check('speakers', gold.speakers.every(s => model.speakers.value.some(m => samePerson(m, s))) && model.speakers.value.every(m => gold.speakers.some(s => samePerson(m, s))), `${JSON.stringify(model.speakers.value)} vs gold ${JSON.stringify(gold.speakers)}`);
  if (gold.outlet) check('outlet', normalize(model.outlet.value ?? '') === normalize(gold.outlet), `${model.outlet.value} vs gold ${gold.outlet}`);
}

export const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);

export function report(name: string, score: Score): string {
  const f = (x: number) => x.toFixed(2);
  return `${name}: quotes recall ${f(ratio(score.matchedQuotes, score.goldQuotes))} precision ${f(ratio(score.matchedQuotes, score.foundQuotes))} (${score.matchedQuotes}/${score.goldQuotes} gold, ${score.foundQuotes} found); speaker attribution ${f(ratio(score.rightSpeaker, score.matchedQuotes))}; kind ${f(ratio(score.rightKind, score.matchedQuotes))}; people recall ${f(ratio(score.matchedPeople, score.goldPeople))} (${score.matchedPeople}/${score.goldPeople}); metadata ${f(ratio(score.metadataRight, score.metadataFields))} (${score.metadataRight}/${score.metadataFields})`;
}
