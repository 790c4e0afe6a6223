import { parse as parseYaml } from 'yaml';
import type { DocumentProblem, GivenMetadata } from '../model';
import { normalizeDate } from './dates';
import { readFlatYaml } from './flatYaml';

export interface FrontMatter {
  /** Metadata read from the block (only the fields Statement Lens understands). */
  readonly metadata: GivenMetadata;
  /** Offset where the body starts (0 when there is no front matter). */
  readonly bodyStart: number;
  readonly problems: DocumentProblem[];
}

const OPENING = /^---[ \t]*\r?\n/;
const CLOSING = /^(?:---|\.\.\.)[ \t]*$/m;

/**
 * Splits YAML front matter from the body. A half-written block (no closing `---`) or invalid YAML is
 * reported and treated as body text, so the document is still indexed.
 */
export function readFrontMatter(text: string): FrontMatter {
  const open = OPENING.exec(text);
  if (!open) return { metadata: {}, bodyStart: 0, problems: [] };
  const rest = text.slice(open[0].length);
  const close = CLOSING.exec(rest);
  if (!close) {
    return { metadata: {}, bodyStart: 0, problems: [{ severity: 'warning', message: 'Front matter starts with `---` but never closes; it is read as text.', span: { start: 0, end: 3 } }] };
  }
  const yamlText = rest.slice(0, close.index);
  const bodyStart = open[0].length + close.index + close[0].length;
  // Most blocks are a few one-line keys, read without the library; it reads the rest (and reports errors).
  let data: unknown = readFlatYaml(yamlText);
  if (data === undefined) try {
    data = parseYaml(yamlText, { maxAliasCount: 50, logLevel: 'error' });
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return { metadata: {}, bodyStart, problems: [{ severity: 'warning', message: `Front matter is not valid YAML (${message}); it is ignored.`, span: { start: 0, end: bodyStart } }] };
  }
  return { metadata: metadataFromRecord(data), bodyStart, problems: [] };
}

/** Picks the fields Statement Lens knows from a YAML/JSON record, tolerating the names archives use. */
export function metadataFromRecord(data: unknown): GivenMetadata {
  if (!data || typeof data !== 'object' || Array.isArray(data)) return {};
  const record = data as Record<string, unknown>;
  const metadata: GivenMetadata = {};
  const title = firstString(record, ['title', 'headline']);
  if (title) metadata.title = title;
  const date = normalizeDate(firstValue(record, ['date', 'published', 'published_time', 'datePublished']));
  if (date) metadata.date = date;
  const address = webAddress(firstString(record, ['source_url', 'url', 'link', 'canonical_url']));
  const outlet = firstString(record, ['outlet', 'publisher', 'site_name', 'site']) ?? outletFromUrl(address);
  if (outlet) metadata.outlet = outlet;
  if (address) metadata.url = address;
  const speakers = record.speakers ?? record.speaker ?? record.author;
  if (typeof speakers === 'string' && speakers.trim()) metadata.speakers = [speakers.trim()];
  else if (Array.isArray(speakers)) metadata.speakers = speakers.filter((s): s is string => typeof s === 'string' && s.trim() !== '').map(s => s.trim());
  const kind = record.kind;
  if (kind === 'article' || kind === 'readout' || kind === 'speech' || kind === 'transcript' || kind === 'statement') metadata.kind = kind;
  const source = firstString(record, ['source']);
  if (source) metadata.source = source;
  return metadata;
}

function firstValue(record: Record<string, unknown>, keys: string[]): unknown {
  for (const key of keys) if (record[key] !== undefined && record[key] !== null) return record[key];
  return undefined;
}

function firstString(record: Record<string, unknown>, keys: string[]): string | undefined {
  const value = firstValue(record, keys);
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

const KNOWN_HOSTS: Record<string, string> = {
  'whitehouse.gov': 'The White House',
  'state.gov': 'U.S. Department of State',
  'fmprc.gov.cn': 'Ministry of Foreign Affairs of the PRC',
  'cgtn.com': 'CGTN',
  'chinadaily.com.cn': 'China Daily',
  'un.org': 'United Nations',
};

/**
 * An http(s) address as written, or undefined: corpus text is untrusted, and a `javascript:` or `file:` address
 * has no place in a citation that a writer pastes or a reference manager turns into a link.
 */
export function webAddress(value: string | undefined): string | undefined {
  if (!value || /\s/.test(value)) return undefined;
  try {
    const { protocol } = new URL(value);
    return protocol === 'http:' || protocol === 'https:' ? value : undefined;
  } catch {
    return undefined;
  }
}

/** "https://www.whitehouse.gov/briefing-room/..." → "The White House"; unknown hosts give the host name. */
export function outletFromUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  let host: string;
  try {
    host = new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return undefined;
  }
  if (/(?:^|\.)(?:\w+)?whitehouse\.(?:archives\.)?gov$/.test(host)) return 'The White House';
  for (const [suffix, name] of Object.entries(KNOWN_HOSTS)) if (host === suffix || host.endsWith('.' + suffix)) return name;
  return host;
}
