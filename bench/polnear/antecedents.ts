/**
 * Pronoun antecedents read by a person instead of CoreNLP: an optional file per split
 * (`$POLNEAR_ANTECEDENTS/<split>.tsv`: document name, source start, source end, pronoun, antecedent as the article
 * names it most fully). CoreNLP's chains send some "he said" to a park or a year; a reader's antecedent scores the
 * speaker against who the writer meant. The files hold names taken from PolNeAR's articles, so like the corpus
 * they stay outside the repository.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Segment } from './brat';
import type { GoldSpeaker } from './speakers';

/** Antecedents by document name, then by `start-end` of the source span. */
export type Antecedents = ReadonlyMap<string, ReadonlyMap<string, string>>;

export function readAntecedents(folder: string | undefined, split: string): Antecedents | undefined {
  const file = folder && path.join(folder, `${split}.tsv`);
  if (!file || !existsSync(file)) return undefined;
  const found = new Map<string, Map<string, string>>();
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const [document, start, end, , antecedent] = line.split('\t');
    if (!document || !antecedent || antecedent === '?') continue;
    if (!found.has(document)) found.set(document, new Map());
    found.get(document)!.set(`${start}-${end}`, antecedent.trim());
  }
  return found;
}

/**
 * The gold speaker of a pronoun source a reader resolved: right for a person with that name ("Ana Ruiz" for
 * "Ruiz") or for an organisation or group described with those words ("the Times").
 */
export function handResolved(antecedents: Antecedents | undefined, document: string, source: { readonly segments: readonly Segment[]; readonly text: string }): GoldSpeaker | undefined {
  const segment = source.segments.length === 1 ? source.segments[0] : undefined;
  const antecedent = segment && antecedents?.get(document)?.get(`${segment.start}-${segment.end}`);
  if (!antecedent) return undefined;
  return { form: 'pronoun', names: [], description: antecedent, referents: [antecedent], shown: `${source.text.trim()} → ${antecedent} (read)` };
}
