import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

export const PROJECT = path.resolve(__dirname, '..', '..');

/**
 * A README snippet by name: the fenced block after `<!-- snippet: NAME -->`. The client tier runs these
 * exactly as a reader would paste them.
 */
export function readmeSnippet(name: string): string {
  const readme = readFileSync(path.join(PROJECT, 'README.md'), 'utf8');
  const marker = readme.indexOf(`<!-- snippet: ${name} -->`);
  if (marker < 0) throw new Error(`README has no snippet ${name}`);
  const open = readme.indexOf('```', marker);
  const start = readme.indexOf('\n', open) + 1;
  return readme.slice(start, readme.indexOf('\n```', start) + 1);
}

/** A statement written into the corpus while an editor runs: a person the seeds do not know. */
export const ADDED_STATEMENT = 'Fisheries talks in Tromso\n\n"We will keep the northern fishing grounds open to every boat that follows the quota," Minister Lena Holm said on Monday.\n';
export const ADDED_PERSON = 'Lena Holm';

/**
 * What a new user has after following the README: a home folder with `~/corpus`, `statement-lens-server` on
 * PATH (a shim to the built server, as `npm install -g .` makes one), and a workspace with a draft.
 */
export interface EditorWorld {
  readonly root: string;
  readonly home: string;
  readonly corpus: string;
  readonly workspace: string;
  readonly draft: string;
  readonly env: NodeJS.ProcessEnv;
  dispose(): void;
}

export function editorWorld(draftName: string): EditorWorld {
  const root = mkdtempSync(path.join(tmpdir(), 'statement-lens-client-'));
  const home = path.join(root, 'home'), corpus = path.join(home, 'corpus'), workspace = path.join(root, 'workspace'), bin = path.join(root, 'bin');
  for (const folder of [corpus, workspace, bin]) mkdirSync(folder, { recursive: true });
  writeFileSync(path.join(corpus, 'briefing.md'), '---\ntitle: Briefing\ndate: 2024-02-03\n---\n\n"We are ready to talk at any time and at any level," Spokesperson Mao Ning said.\n');
  const draft = path.join(workspace, draftName);
  copyFileSync(path.join(PROJECT, 'test', 'fixtures', 'workspace', 'quote-check.md'), draft);
  const server = path.join(bin, 'statement-lens-server');
  writeFileSync(server, `#!/bin/sh\nexec '${process.execPath}' '${path.join(PROJECT, 'server', 'out', 'main.js')}' "$@"\n`, { mode: 0o755 });
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    HOME: home,
    PATH: `${bin}${path.delimiter}${process.env.PATH ?? ''}`,
    XDG_CONFIG_HOME: path.join(home, '.config'),
    XDG_DATA_HOME: path.join(home, '.local', 'share'),
    XDG_STATE_HOME: path.join(home, '.local', 'state'),
    XDG_CACHE_HOME: path.join(home, '.cache'),
  };
  return { root, home, corpus, workspace, draft, env, dispose: () => rmSync(root, { recursive: true, force: true }) };
}
