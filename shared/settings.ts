import { DEFAULT_CITATION_FORMAT, DEFAULT_SOURCE_FORMAT } from '../server/src/core/draft/citation';

/**
 * Every setting of Statement Lens, typed once and parsed by one function for the server (from
 * `workspace/configuration` or the initialization options) and the client (from `getConfiguration`). Keys
 * mirror `statementLens.*` in package.json.
 */
export interface ServerSettings {
  corpusPaths: string[];
  includeBundledSeeds: boolean;
  maxFileSizeMB: number;
  /** Lines longer than this many characters are not read (and said so). */
  maxLineLength: number;
  citationFormat: string;
  /** The citation after a quotation whose speaker the draft names already. */
  sourceFormat: string;
  /** Language ids of drafts that get hovers, references and name highlighting. */
  hoverLanguages: string[];
  /** Whether drafts' quotations are checked against the corpus. */
  quoteCheck: boolean;
}

export const DEFAULT_SETTINGS: ServerSettings = { corpusPaths: [], includeBundledSeeds: true, maxFileSizeMB: 20, maxLineLength: 100_000, citationFormat: DEFAULT_CITATION_FORMAT, sourceFormat: DEFAULT_SOURCE_FORMAT, hoverLanguages: ['markdown', 'plaintext', 'statement', 'text'], quoteCheck: true };

/** `initializationOptions` for editors without a settings UI (Neovim, Emacs, Helix). */
export interface InitializationOptions {
  /**
   * The client runs the extension's commands itself (the VS Code client sends true): hover cards carry
   * `command:` links to them, and the server does not offer them through `workspace/executeCommand`, which
   * would register them a second time. Other clients see neither.
   */
  commandLinks?: boolean;
  corpusPaths?: string[];
  includeBundledSeeds?: boolean;
  maxFileSizeMB?: number;
  maxLineLength?: number;
  citationFormat?: string;
  sourceFormat?: string;
  hoverLanguages?: string[];
  quoteCheck?: boolean;
  /**
   * Folder for the index cache (the VS Code client passes its global storage); `~` is the home folder. Without
   * it the index lives in memory only.
   */
  cacheDirectory?: string;
}

/** The `statementLens` section as `workspace/configuration` (or VS Code's `getConfiguration`) gives it. */
export interface ConfigurationSection {
  corpus?: { paths?: unknown; includeBundledSeeds?: unknown; maxFileSizeMB?: unknown; maxLineLength?: unknown };
  citation?: { format?: unknown; sourceFormat?: unknown };
  hover?: { languages?: unknown };
  quoteCheck?: { enabled?: unknown };
}

/** Settings as flat, unchecked values: the shape of the initialization options. */
export type SettingsValues = { readonly [K in keyof ServerSettings]?: unknown };

/** The one parser: each value that is well formed, else the fallback's. */
export function parseSettings(values: SettingsValues, fallback: ServerSettings = DEFAULT_SETTINGS): ServerSettings {
  return {
    corpusPaths: stringArray(values.corpusPaths) ?? fallback.corpusPaths,
    includeBundledSeeds: typeof values.includeBundledSeeds === 'boolean' ? values.includeBundledSeeds : fallback.includeBundledSeeds,
    maxFileSizeMB: positiveNumber(values.maxFileSizeMB) ?? fallback.maxFileSizeMB,
    maxLineLength: positiveNumber(values.maxLineLength) ?? fallback.maxLineLength,
    citationFormat: typeof values.citationFormat === 'string' && values.citationFormat.trim() ? values.citationFormat : fallback.citationFormat,
    sourceFormat: typeof values.sourceFormat === 'string' ? values.sourceFormat : fallback.sourceFormat,
    hoverLanguages: stringArray(values.hoverLanguages) ?? fallback.hoverLanguages,
    quoteCheck: typeof values.quoteCheck === 'boolean' ? values.quoteCheck : fallback.quoteCheck,
  };
}

/** Parses the nested `statementLens` section; missing or malformed values are the fallback's. */
export function settingsFromConfiguration(section: ConfigurationSection, fallback: ServerSettings = DEFAULT_SETTINGS): ServerSettings {
  return parseSettings(
    {
      corpusPaths: section.corpus?.paths,
      includeBundledSeeds: section.corpus?.includeBundledSeeds,
      maxFileSizeMB: section.corpus?.maxFileSizeMB,
      maxLineLength: section.corpus?.maxLineLength,
      citationFormat: section.citation?.format,
      sourceFormat: section.citation?.sourceFormat,
      hoverLanguages: section.hover?.languages,
      quoteCheck: section.quoteCheck?.enabled,
    },
    fallback,
  );
}

const stringArray = (value: unknown) => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string' && v.trim() !== '') : undefined);
const positiveNumber = (value: unknown) => (typeof value === 'number' && value > 0 ? value : undefined);
