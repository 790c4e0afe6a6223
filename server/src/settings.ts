import type { Connection } from 'vscode-languageserver';
import { DEFAULT_CITATION_FORMAT, DEFAULT_SOURCE_FORMAT } from './core';

/** Every setting the server reads, typed once. Keys mirror `statementLens.*` in package.json. */
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

/** Editors' language ids for a buffer without a language: Neovim's empty filetype, Emacs's fundamental-mode. */
const NO_LANGUAGE = new Set(['', 'fundamental', 'unknown']);
const DRAFT_FILE = /\.(?:md|markdown|txt)$/i;

/**
 * Whether a document outside the corpus is a draft (names, quote check, completion): its language is one of
 * the setting's, or it has none and its file name says Markdown or text.
 */
export function isDraftLanguage(document: { readonly uri: string; readonly languageId: string }, languages: readonly string[]): boolean {
  return languages.includes(document.languageId) || (NO_LANGUAGE.has(document.languageId) && DRAFT_FILE.test(document.uri.split(/[?#]/, 1)[0]));
}

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

interface ConfigurationSection {
  corpus?: { paths?: unknown; includeBundledSeeds?: unknown; maxFileSizeMB?: unknown; maxLineLength?: unknown };
  citation?: { format?: unknown; sourceFormat?: unknown };
  hover?: { languages?: unknown };
  quoteCheck?: { enabled?: unknown };
}

/**
 * Reads settings through `workspace/configuration` when the client supports it, else from the initialization
 * options. The value is cached until `workspace/didChangeConfiguration` drops it.
 */
export class SettingsStore {
  private cached: Promise<ServerSettings> | undefined;

  constructor(private readonly connection: Connection, private readonly canPull: () => boolean, private readonly initialization: InitializationOptions) {}

  get(): Promise<ServerSettings> {
    this.cached ??= this.read();
    return this.cached;
  }

  invalidate(): void {
    this.cached = undefined;
  }

  private async read(): Promise<ServerSettings> {
    const fromInit = fromInitialization(this.initialization);
    if (!this.canPull()) return fromInit;
    try {
      const section = (await this.connection.workspace.getConfiguration('statementLens')) as ConfigurationSection | null;
      if (!section) return fromInit;
      return {
        corpusPaths: stringArray(section.corpus?.paths) ?? fromInit.corpusPaths,
        includeBundledSeeds: typeof section.corpus?.includeBundledSeeds === 'boolean' ? section.corpus.includeBundledSeeds : fromInit.includeBundledSeeds,
        maxFileSizeMB: positiveNumber(section.corpus?.maxFileSizeMB) ?? fromInit.maxFileSizeMB,
        maxLineLength: positiveNumber(section.corpus?.maxLineLength) ?? fromInit.maxLineLength,
        citationFormat: typeof section.citation?.format === 'string' && section.citation.format.trim() ? section.citation.format : fromInit.citationFormat,
        sourceFormat: typeof section.citation?.sourceFormat === 'string' ? section.citation.sourceFormat : fromInit.sourceFormat,
        hoverLanguages: stringArray(section.hover?.languages) ?? fromInit.hoverLanguages,
        quoteCheck: typeof section.quoteCheck?.enabled === 'boolean' ? section.quoteCheck.enabled : fromInit.quoteCheck,
      };
    } catch {
      return fromInit;
    }
  }
}

function fromInitialization(options: InitializationOptions): ServerSettings {
  return {
    corpusPaths: stringArray(options.corpusPaths) ?? DEFAULT_SETTINGS.corpusPaths,
    includeBundledSeeds: typeof options.includeBundledSeeds === 'boolean' ? options.includeBundledSeeds : DEFAULT_SETTINGS.includeBundledSeeds,
    maxFileSizeMB: positiveNumber(options.maxFileSizeMB) ?? DEFAULT_SETTINGS.maxFileSizeMB,
    maxLineLength: positiveNumber(options.maxLineLength) ?? DEFAULT_SETTINGS.maxLineLength,
    citationFormat: typeof options.citationFormat === 'string' && options.citationFormat.trim() ? options.citationFormat : DEFAULT_SETTINGS.citationFormat,
    sourceFormat: typeof options.sourceFormat === 'string' ? options.sourceFormat : DEFAULT_SETTINGS.sourceFormat,
    hoverLanguages: stringArray(options.hoverLanguages) ?? DEFAULT_SETTINGS.hoverLanguages,
    quoteCheck: typeof options.quoteCheck === 'boolean' ? options.quoteCheck : DEFAULT_SETTINGS.quoteCheck,
  };
}

const stringArray = (value: unknown) => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string' && v.trim() !== '') : undefined);
const positiveNumber = (value: unknown) => (typeof value === 'number' && value > 0 ? value : undefined);
