/**
 * Where PolNeAR lives and which files make up a split. The corpus has no licence, so it is only ever read from
 * the folder the POLNEAR variable names, never copied into the repository.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

/** `train` is reserved for independent checks: the scorer refuses it. */
export type Split = 'dev' | 'test';

export interface PolnearDocument {
  /** The article's file name without extension (`<publisher>_<date>_<slug>`). */
  readonly name: string;
  readonly publisher: string;
  readonly textFile: string;
  /** The one annotation file scored: the first annotator by file name when several annotated the text. */
  readonly annotationFile: string;
  readonly annotators: number;
  /** CoreNLP output (tokens, named entities, coreference), absent for a few texts. */
  readonly coreNlpFile?: string;
}

/** Publisher of each article from `data/metadata.tsv` (its `filename` and `publisher` columns). */
function publishers(root: string): Map<string, string> {
  const found = new Map<string, string>();
  const file = path.join(root, 'data', 'metadata.tsv');
  if (!existsSync(file)) return found;
  const [header, ...rows] = readFileSync(file, 'utf8').split('\n');
  const columns = header.split('\t');
  const name = columns.indexOf('filename'), publisher = columns.indexOf('publisher');
  for (const row of rows) {
    const cells = row.split('\t');
    if (cells[name] && cells[publisher]) found.set(cells[name], cells[publisher]);
  }
  return found;
}

/** The documents of a split, in file-name order, so every run scores the same files the same way. */
export function listDocuments(root: string, split: Split): PolnearDocument[] {
  const folder = path.join(root, 'data', split);
  const byText = new Map<string, string[]>();
  for (const file of readdirSync(path.join(folder, 'attributions')).filter(f => f.endsWith('.ann')).sort()) {
    const name = file.replace(/_[0-9a-f]+\.ann$/, '');
    byText.set(name, [...(byText.get(name) ?? []), file]);
  }
  const publisherOf = publishers(root);
  return [...byText].map(([name, annotations]) => {
    const coreNlpFile = path.join(folder, 'corenlp', `${name}.txt.xml`);
    return {
      name,
      publisher: publisherOf.get(name) ?? name.split('_')[0],
      textFile: path.join(folder, 'text', `${name}.txt`),
      annotationFile: path.join(folder, 'attributions', annotations[0]),
      annotators: annotations.length,
      coreNlpFile: existsSync(coreNlpFile) ? coreNlpFile : undefined,
    };
  }).filter(document => existsSync(document.textFile));
}
