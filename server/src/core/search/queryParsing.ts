import type { SearchEntry } from './searchHit';

export interface SearchQuery {
  readonly words: string;
  readonly speaker?: string;
  readonly before?: string;
  readonly after?: string;
}

/** "speaker:qin after:2021 exploring process" → filters and words. Dates compare as ISO prefixes. */
export function parseQuery(raw: string): SearchQuery {
  let speaker: string | undefined, before: string | undefined, after: string | undefined;
  const words = raw.replace(/\b(speaker|before|after):(?:"([^"]*)"|(\S+))/gi, (_, key: string, quoted: string | undefined, bare: string | undefined) => {
    const value = (quoted ?? bare ?? '').trim();
    if (key.toLowerCase() === 'speaker') speaker = value;
    else if (key.toLowerCase() === 'before') before = value;
    else after = value;
    return ' ';
  });
  return { words: words.trim(), speaker, before, after };
}

/** Does an entry pass the query's `speaker:`, `before:` and `after:` filters? */
export function matchesFilters(entry: SearchEntry, query: SearchQuery): boolean {
  if (query.speaker) {
    const wanted = query.speaker.toLowerCase().replace(/[_"]/g, ' ').trim();
    if (!entry.speakerNames.some(name => name.toLowerCase().includes(wanted))) return false;
  }
  if (query.after && !(entry.date && entry.date.slice(0, query.after.length) >= query.after)) return false;
  if (query.before && !(entry.date && entry.date.slice(0, query.before.length) <= query.before)) return false;
  return true;
}
