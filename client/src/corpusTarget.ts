import * as path from 'node:path';

/** Where "Add Corpus Folder…" writes a folder into `statementLens.corpus.paths`, and as what. */
export type CorpusTarget =
  /** The settings of the workspace folder that holds it, as a path relative to that folder. */
  | { readonly scope: 'workspaceFolder'; readonly workspaceFolder: string; readonly entry: string }
  /** The user's settings, as an absolute path (`~/…` under the home folder, so it travels with settings sync). */
  | { readonly scope: 'user'; readonly entry: string };

/**
 * A folder inside a trusted workspace folder belongs to that workspace: its settings, a relative path that
 * still holds when the workspace moves or a colleague clones it. Any other folder is the writer's own archive,
 * so it goes to their user settings; so does every folder of an untrusted workspace, whose settings
 * `statementLens.corpus.paths` is not read from (`restrictedConfigurations`).
 */
export function corpusTargetOf(folder: string, workspaceFolders: readonly string[], trusted: boolean, home: string, paths: path.PlatformPath = path): CorpusTarget {
  const resolved = paths.resolve(folder);
  if (trusted) {
    // The innermost workspace folder holding it, when workspace folders nest.
    const holder = workspaceFolders
      .map(workspaceFolder => paths.resolve(workspaceFolder))
      .filter(workspaceFolder => isWithin(paths, workspaceFolder, resolved))
      .sort((a, b) => b.length - a.length)[0];
    if (holder) return { scope: 'workspaceFolder', workspaceFolder: holder, entry: paths.relative(holder, resolved).split(paths.sep).join('/') || '.' };
  }
  const underHome = home && isWithin(paths, paths.resolve(home), resolved) && resolved !== paths.resolve(home);
  return { scope: 'user', entry: underHome ? `~/${paths.relative(paths.resolve(home), resolved).split(paths.sep).join('/')}` : resolved };
}

function isWithin(paths: path.PlatformPath, parent: string, child: string): boolean {
  const relative = paths.relative(parent, child);
  return relative === '' || (!relative.startsWith('..') && !paths.isAbsolute(relative));
}
