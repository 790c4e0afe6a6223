/**
 * `people.yaml`: a corpus folder's corrections to person resolution, which outlast re-indexing. Every entry is
 * one of:
 *
 *   - name: Abdel Fattah El-Sisi           # a person, by any name the corpus uses for them
 *     aliases: [Al-Sisi, Abdel-Fattah El Sisi, Sisi]   # names to merge into this person, or new aliases
 *     roles:
 *       - { title: President of Egypt, from: 2014-06-08, to: null }
 *   - apart: [Yang Jiechi, Yang Tao]       # names that are never one person
 *   - hide: [Leave A Reply, Services]      # not people
 */
import { parse as parseYaml } from 'yaml';
import type { DocumentProblem } from '../model';

export const PEOPLE_FILE_NAMES = ['people.yaml', 'people.yml'];
export const isPeopleFile = (fileName: string) => PEOPLE_FILE_NAMES.includes(fileName);

export interface RuleRole {
  readonly title: string;
  /** ISO date (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`), or null when open. */
  readonly from: string | null;
  readonly to: string | null;
}

export interface PersonRule {
  readonly name: string;
  readonly aliases: readonly string[];
  readonly roles: readonly RuleRole[];
}

export interface PeopleRules {
  readonly people: readonly PersonRule[];
  readonly apart: readonly (readonly string[])[];
  readonly hide: readonly string[];
}

export const NO_RULES: PeopleRules = { people: [], apart: [], hide: [] };

const ISO_DATE = /^\d{4}(?:-\d{2}(?:-\d{2})?)?$/;

/** Reads a people.yaml; what cannot be understood is reported with the entry's number and left out. */
export function readPeopleRules(text: string): { rules: PeopleRules; problems: DocumentProblem[] } {
  let data: unknown;
  try {
    data = parseYaml(text, { maxAliasCount: 50, logLevel: 'error', prettyErrors: true });
  } catch (error) {
    return { rules: NO_RULES, problems: [{ severity: 'error', message: `people.yaml is not valid YAML: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}` }] };
  }
  if (data === null || data === undefined) return { rules: NO_RULES, problems: [] };
  if (!Array.isArray(data)) {
    return { rules: NO_RULES, problems: [{ severity: 'error', message: 'people.yaml must be a list of entries: "- name: …" (with aliases and roles), "- apart: [...]" or "- hide: [...]".' }] };
  }
  const people: PersonRule[] = [], apart: string[][] = [], hide: string[] = [];
  const problems: DocumentProblem[] = [];
  const problem = (n: number, message: string) => problems.push({ severity: 'warning', message: `people.yaml entry ${n}: ${message}` });
  data.forEach((entry: unknown, i) => {
    const n = i + 1;
    if (!entry || typeof entry !== 'object' || Array.isArray(entry)) {
      problem(n, 'expected "name:", "apart:" or "hide:".');
      return;
    }
    const record = entry as Record<string, unknown>;
    const known = ['name', 'aliases', 'roles', 'apart', 'hide'];
    const unknown = Object.keys(record).filter(key => !known.includes(key));
    if (unknown.length) problem(n, `unknown field${unknown.length > 1 ? 's' : ''} ${unknown.map(key => `"${key}"`).join(', ')} (expected ${known.join(', ')}).`);
    if ('apart' in record) {
      const names = stringList(record.apart);
      if (!names || names.length < 2) problem(n, '"apart" needs a list of at least two names.');
      else apart.push(names);
    }
    if ('hide' in record) {
      const names = stringList(record.hide);
      if (!names) problem(n, '"hide" needs a name or a list of names.');
      else hide.push(...names);
    }
    if ('name' in record) {
      if (typeof record.name !== 'string' || !record.name.trim()) {
        problem(n, '"name" must be a name.');
        return;
      }
      const aliases = record.aliases === undefined ? [] : stringList(record.aliases);
      if (!aliases) problem(n, '"aliases" must be a list of names.');
      const roles: RuleRole[] = [];
      if (record.roles !== undefined) {
        if (!Array.isArray(record.roles)) problem(n, '"roles" must be a list of { title, from, to }.');
        else {
          for (const role of record.roles as unknown[]) {
            const read = readRole(role);
            if (typeof read === 'string') problem(n, read);
            else roles.push(read);
          }
        }
      }
      people.push({ name: record.name.trim(), aliases: aliases ?? [], roles });
    } else if (!('apart' in record) && !('hide' in record)) {
      problem(n, 'expected "name:", "apart:" or "hide:".');
    }
  });
  return { rules: { people, apart, hide }, problems };
}

function stringList(value: unknown): string[] | undefined {
  if (typeof value === 'string') return value.trim() ? [value.trim()] : undefined;
  if (!Array.isArray(value) || !value.every(item => typeof item === 'string' || typeof item === 'number')) return undefined;
  return value.map(item => String(item).trim()).filter(Boolean);
}

function readRole(value: unknown): RuleRole | string {
  if (typeof value === 'string' && value.trim()) return { title: value.trim(), from: null, to: null };
  if (!value || typeof value !== 'object' || Array.isArray(value)) return 'a role must be a title or { title, from, to }.';
  const record = value as Record<string, unknown>;
  if (typeof record.title !== 'string' || !record.title.trim()) return 'a role needs a "title".';
  const date = (key: 'from' | 'to'): string | null | { error: string } => {
    const raw = record[key];
    if (raw === undefined || raw === null || raw === '') return null;
    // YAML reads an unquoted 2021-01-20 as a date. Any other value is named in the message as String() gives it.
    // eslint-disable-next-line @typescript-eslint/no-base-to-string
    const text = raw instanceof Date ? raw.toISOString().slice(0, 10) : String(raw).trim();
    return ISO_DATE.test(text) ? text : { error: `role "${record.title as string}": "${key}" must be a date like 2021-01-20, 2021-01 or 2021, not "${text}".` };
  };
  const from = date('from'), to = date('to');
  if (from && typeof from === 'object') return from.error;
  if (to && typeof to === 'object') return to.error;
  return { title: record.title.trim(), from, to };
}

/** Several people.yaml files (one per corpus folder) act as one. */
export function combineRules(all: Iterable<PeopleRules>): PeopleRules {
  const people: PersonRule[] = [], apart: (readonly string[])[] = [], hide: string[] = [];
  for (const rules of all) {
    people.push(...rules.people);
    apart.push(...rules.apart);
    hide.push(...rules.hide);
  }
  return { people, apart, hide };
}
