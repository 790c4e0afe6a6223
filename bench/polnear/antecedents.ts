/**
 * Sources read by a person instead of CoreNLP: optional files per split in `$POLNEAR_ANTECEDENTS` (see
 * readAntecedents). CoreNLP's chains send some "he said" to a park or a year and name no one for most
 * descriptions ("the Vermont senator"); a reader's referent scores the speaker against who the writer meant. The
 * files hold names taken from PolNeAR's articles, so like the corpus they stay outside the repository.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Segment } from './brat';
import type { GoldSpeaker } from './speakers';

/** A source a reader resolved: the referent as the article names it, and the source's form. */
export interface ReadSource {
  readonly referent: string;
  readonly form: 'pronoun' | 'description';
}

/** Read sources by document name, then by `start-end` of the source span. */
export type Antecedents = ReadonlyMap<string, ReadonlyMap<string, ReadSource>>;

/**
 * `<split>.tsv` (pronouns) and `<split>.descriptions.tsv` (descriptions: "the Vermont senator", "a spokesman"),
 * both document, start, end, the source's words, referent; `?` or `-` for a referent the article does not give.
 */
export function readAntecedents(folder: string | undefined, split: string): Antecedents | undefined {
  if (!folder) return undefined;
  const found = new Map<string, Map<string, ReadSource>>();
  for (const [file, form] of [[`${split}.tsv`, 'pronoun'], [`${split}.descriptions.tsv`, 'description']] as const) {
    const at = path.join(folder, file);
    if (!existsSync(at)) continue;
    for (const line of readFileSync(at, 'utf8').split('\n')) {
      const [document, start, end, , referent] = line.split('\t');
      if (!document || !referent || /^[?-]$/.test(referent.trim())) continue;
      if (!found.has(document)) found.set(document, new Map());
      found.get(document)!.set(`${start}-${end}`, { referent: referent.trim(), form });
    }
  }
  return found.size ? found : undefined;
}

/**
 * The gold speaker of a source a reader resolved: right for a person with that name ("Ana Ruiz" for "Ruiz") or
 * for an organisation or group described with those words ("the Times"); a description's own words stay right too.
 */
export function handResolved(antecedents: Antecedents | undefined, document: string, source: { readonly segments: readonly Segment[]; readonly text: string }): GoldSpeaker | undefined {
  const segment = source.segments[0];
  const read = segment && antecedents?.get(document)?.get(`${segment.start}-${segment.end}`);
  if (!read) return undefined;
  const words = source.text.replace(/\s+/g, ' ').trim();
  const description = read.form === 'pronoun' ? read.referent : words;
  return { form: read.form, names: [], description, referents: [read.referent], shown: `${words} → ${read.referent} (read)` };
}
