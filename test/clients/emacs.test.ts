import * as assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { ADDED_PERSON, ADDED_STATEMENT, editorWorld, readmeSnippet } from './world';

interface EmacsRun {
  mode?: string;
  managed?: boolean;
  indexed?: number;
  hover?: string;
  definition?: { file: string; line: string };
  diagnostics?: string[];
  fixed?: string;
  candidates?: number;
  completed?: string;
  'added-after-seconds'?: number | null;
  'added-hover'?: string | null;
  'registration-failed'?: boolean;
  messages?: string[] | null;
  errors: string[] | null;
}

const emacs = spawnSync('emacs', ['--version'], { encoding: 'utf8' });
const version = /GNU Emacs (\S+)/.exec(emacs.stdout ?? '')?.[1];

describe(`real Emacs ${version ?? '(not installed)'} with eglot against the built server`, { timeout: 120_000 }, () => {
  test('Emacs is installed (apt-get install emacs-nox elpa-eglot)', () => {
    assert.ok(version, `emacs --version: ${emacs.error ?? emacs.stderr}`);
  });

  test("the README's eglot snippet: hover, definition, diagnostics, a quick fix, completion, a new corpus file", async () => {
    // Emacs opens .txt in text-mode; Debian's Emacs has no markdown-mode.
    const world = editorWorld('draft.txt');
    try {
      const init = path.join(world.root, 'init.el');
      writeFileSync(init, readmeSnippet('emacs-eglot'));
      const resultFile = path.join(world.root, 'result.json');
      const env = { ...world.env, STATEMENT_LENS_INIT: init, STATEMENT_LENS_DRAFT: world.draft, STATEMENT_LENS_CORPUS: world.corpus, STATEMENT_LENS_RESULT: resultFile, STATEMENT_LENS_ADDED: ADDED_STATEMENT, STATEMENT_LENS_ADDED_PERSON: ADDED_PERSON };
      const child = spawn('emacs', ['--batch', '-l', path.join(__dirname, 'eglot.el')], { cwd: world.workspace, env, stdio: ['ignore', 'pipe', 'pipe'] });
      let output = '';
      child.stdout.on('data', chunk => (output += chunk));
      child.stderr.on('data', chunk => (output += chunk));
      const code = await new Promise<number | null>(resolve => {
        const timer = setTimeout(() => child.kill('SIGKILL'), 90_000);
        child.on('exit', exitCode => {
          clearTimeout(timer);
          resolve(exitCode);
        });
      });
      let run: EmacsRun;
      try {
        run = JSON.parse(readFileSync(resultFile, 'utf8')) as EmacsRun;
      } catch {
        assert.fail(`Emacs wrote no result (exit ${code}):\n${output}`);
      }
      assert.deepEqual(run.errors ?? [], [], `steps that failed; output:\n${output}`);
      assert.equal(run.mode, 'text-mode');
      assert.equal(run.managed, true, 'eglot manages the draft');
      assert.equal(run.indexed, 6, 'the five seeds and ~/corpus');
      assert.equal(run['registration-failed'], false, 'eglot took the string-glob watcher registration');
      assert.doesNotMatch(output, /unsupported capability/, 'no registration eglot does not know');
      // eglot without markdown-mode asks for plain text: the card without markup or escapes.
      assert.match(run.hover ?? '', /^Qin Gang/);
      assert.match(run.hover ?? '', /ambassador to the U\.S\./);
      assert.doesNotMatch(run.hover ?? '', /\*\*|\\|command:/);
      assert.match(run.definition?.file ?? '', /seeds\/004_4ce518e5b85375c6\.txt$/);
      assert.match(run.definition?.line ?? '', /Yang Tao/);
      assert.ok((run.diagnostics?.length ?? 0) >= 3, JSON.stringify(run.diagnostics));
      assert.ok(run.diagnostics!.some(d => /Not the corpus wording/.test(d)));
      assert.match(run.fixed ?? '', /more smooth and predictable," Qin Gang told CGTN\.$/);
      assert.ok((run.candidates ?? 0) >= 5, `${run.candidates} candidates`);
      assert.match(run.completed ?? '', /^Le Yucheng said "[A-Z][^"]+" \(China Daily, 13 August 2020\)$/);
      const seconds = run['added-after-seconds'];
      assert.ok(typeof seconds === 'number' && seconds < 2, `indexed after ${seconds} s`);
      assert.match(run['added-hover'] ?? '', new RegExp(ADDED_PERSON));
      console.log(`emacs ${version}: new corpus file indexed after ${Math.round((seconds ?? 0) * 1000)} ms; completed: ${run.completed}`);
    } finally {
      world.dispose();
    }
  });
});
