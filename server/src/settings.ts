import type { Connection } from 'vscode-languageserver';
import { parseSettings, settingsFromConfiguration, type ConfigurationSection, type InitializationOptions, type ServerSettings } from '../../shared/settings';

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
    const fromInit = parseSettings(this.initialization);
    if (!this.canPull()) return fromInit;
    try {
      const section = (await this.connection.workspace.getConfiguration('statementLens')) as ConfigurationSection | null;
      return section ? settingsFromConfiguration(section, fromInit) : fromInit;
    } catch {
      return fromInit;
    }
  }
}
