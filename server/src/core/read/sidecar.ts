import { parse as parseYaml } from 'yaml';
import { metadataFromRecord } from './frontMatter';
import type { DocumentProblem, GivenMetadata } from '../model';
import { isPeopleFile } from '../identity/peopleRules';

/** File names of sidecar metadata files a corpus folder may hold. */
export const SIDECAR_FILE_NAMES = ['statements.yaml', 'statements.yml', 'MANIFEST.tsv'];

/** Sidecar files: document metadata, and people.yaml (corrections to who is who; identity/peopleRules.ts). */
export const isSidecarFile = (fileName: string) => SIDECAR_FILE_NAMES.includes(fileName) || isPeopleFile(fileName);

export interface Sidecar {
  /** Metadata by file name (relative to the sidecar's folder). */
  readonly entries: ReadonlyMap<string, GivenMetadata>;
  readonly problems: DocumentProblem[];
}

/**
 * Reads a sidecar: `statements.yaml` maps file name → fields (title, date, speakers, outlet, kind, source);
 * `MANIFEST.tsv` is a table with a `file` column and any of `date`, `title`, `url`, `speaker`, `outlet`.
 */
export function readSidecar(fileName: string, text: string): Sidecar {
  return fileName.endsWith('.tsv') ? readManifest(text) : readYamlSidecar(text);
}

function readYamlSidecar(text: string): Sidecar {
  let data: unknown;
  try {
    data = parseYaml(text, { maxAliasCount: 50, logLevel: 'error' });
  } catch (error) {
    return { entries: new Map(), problems: [{ severity: 'error', message: `Sidecar is not valid YAML: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}` }] };
  }
  if (data === null || data === undefined) return { entries: new Map(), problems: [] };
  if (typeof data !== 'object' || Array.isArray(data)) {
    return { entries: new Map(), problems: [{ severity: 'error', message: 'Sidecar must map file names to fields.' }] };
  }
  const entries = new Map<string, GivenMetadata>();
  const problems: DocumentProblem[] = [];
  for (const [file, fields] of Object.entries(data as Record<string, unknown>)) {
    const metadata = metadataFromRecord(fields);
    if (Object.keys(metadata).length === 0) problems.push({ severity: 'warning', message: `Sidecar entry "${file}" has no fields Statement Lens understands.` });
    else entries.set(file, metadata);
  }
  return { entries, problems };
}

function readManifest(text: string): Sidecar {
  const lines = text.split(/\r?\n/).filter(line => line.trim() !== '');
  if (lines.length === 0) return { entries: new Map(), problems: [] };
  const header = lines[0].split('\t').map(h => h.trim().toLowerCase());
  const fileColumn = header.indexOf('file');
  if (fileColumn === -1) return { entries: new Map(), problems: [{ severity: 'warning', message: 'MANIFEST.tsv has no "file" column; it is ignored.' }] };
  const entries = new Map<string, GivenMetadata>();
  for (const line of lines.slice(1)) {
    const cells = line.split('\t');
    const record: Record<string, string> = {};
    header.forEach((name, i) => {
      if (cells[i] !== undefined && cells[i].trim() !== '') record[name] = ownCopy(cells[i].trim());
    });
    // Manifests of speeches name a country, session and year, not a title or a date: say what they say.
    if (record.url && !record.source_url) record.source_url = record.url;
    if (!record.date && /^\d{4}$/.test(record.year ?? '')) record.date = record.year;
    if (!record.title && record.country) record.title = record.session ? `${record.country}, session ${record.session}${record.year ? ` (${record.year})` : ''}` : record.country;
    const metadata = metadataFromRecord(record);
    if (record.file && Object.keys(metadata).length > 0) entries.set(record.file, metadata);
  }
  return { entries, problems: [] };
}

const encoder = new TextEncoder(), decoder = new TextDecoder();

/**
 * The characters of `cell` in a string of their own. A cut of a string keeps the whole of it alive in V8, and
 * the index keeps a manifest's cells as long as its folder: 16 MB for the three manifests of
 * ../shared/corpora (a two-byte copy of each file), where their cells alone take a fraction of that.
 */
function ownCopy(cell: string): string {
  return decoder.decode(encoder.encode(cell));
}
