import * as assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { ADDED_PERSON, ADDED_STATEMENT, editorWorld, readmeSnippet } from './world';

interface NeovimRun {
  filetype: string;
  indexed?: { documents: number };
  clients: number;
  hover?: string;
  definition?: { file: string; line: string; quickfix: number };
  diagnostics?: { line: number; message: string }[];
  fixed?: string;
  completed?: string;
  addedAfterMs?: number | false;
  addedHover?: string;
  messages: string[];
  errors: string[];
}

const nvim = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
const version = /NVIM v(\S+)/.exec(nvim.stdout ?? '')?.[1];

/** Runs headless Neovim with `filetype on` and the given configuration, driven by neovim.lua. */
async function runNeovim(config: string, draftName = 'draft.md'): Promise<NeovimRun> {
  const world = editorWorld(draftName);
  try {
    const init = path.join(world.root, 'init.lua');
    writeFileSync(init, `vim.cmd('filetype on')\n${config}`);
    const resultFile = path.join(world.root, 'result.json');
    const env = { ...world.env, STATEMENT_LENS_DRAFT: world.draft, STATEMENT_LENS_CORPUS: world.corpus, STATEMENT_LENS_RESULT: resultFile, STATEMENT_LENS_ADDED: ADDED_STATEMENT, STATEMENT_LENS_ADDED_PERSON: ADDED_PERSON };
    const child = spawn('nvim', ['--headless', '-i', 'NONE', '-u', init, '-c', `luafile ${path.join(__dirname, 'neovim.lua')}`], { cwd: world.workspace, env, stdio: ['ignore', 'pipe', 'pipe'] });
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
    let run: NeovimRun;
    try {
      run = JSON.parse(readFileSync(resultFile, 'utf8')) as NeovimRun;
    } catch {
      assert.fail(`Neovim wrote no result (exit ${code}):\n${output}`);
    }
    return run;
  } finally {
    world.dispose();
  }
}

/** What every Neovim run must show, whichever snippet started the server. */
function assertWorks(run: NeovimRun): void {
  assert.deepEqual(run.errors, [], `steps that failed; messages: ${run.messages.join(' | ')}`);
  assert.equal(run.filetype, 'markdown');
  assert.equal(run.clients, 1, 'the server attached to the draft');
  assert.equal(run.indexed?.documents, 6, 'the five seeds and ~/corpus');
  // K: the card, without command links Neovim cannot follow, and U.S. as written.
  assert.match(run.hover ?? '', /Qin Gang/);
  assert.match(run.hover ?? '', /ambassador to the U\.S\./);
  assert.doesNotMatch(run.hover ?? '', /command:|%5B|U\\\./);
  // Definition: where the corpus introduces Yang Tao.
  assert.match(run.definition?.file ?? '', /seeds\/004_4ce518e5b85375c6\.txt$/);
  assert.match(run.definition?.line ?? '', /Yang Tao/);
  // The quote check, and the exact-wording fix taken from the menu.
  assert.ok((run.diagnostics?.length ?? 0) >= 3, JSON.stringify(run.diagnostics));
  assert.ok(run.diagnostics!.some(d => /Not the corpus wording/.test(d.message)));
  assert.match(run.fixed ?? '', /more smooth and predictable," Qin Gang told CGTN\.$/);
  // <C-x><C-o> after `said "`: one opening mark, the quotation, its source.
  assert.match(run.completed ?? '', /^Le Yucheng said "[A-Z][^"]+" \(China Daily, 13 August 2020\)$/);
  // A corpus file added while running: the server watches ~/corpus itself (0.7 has no file watching).
  assert.ok(typeof run.addedAfterMs === 'number' && run.addedAfterMs < 2000, `indexed after ${run.addedAfterMs} ms`);
  assert.match(run.addedHover ?? '', new RegExp(ADDED_PERSON));
}

describe(`real Neovim ${version ?? '(not installed)'} against the built server`, { timeout: 200_000 }, () => {
  test('Neovim is installed (apt-get install neovim)', () => {
    assert.ok(version, `nvim --version: ${nvim.error ?? nvim.stderr}`);
  });

  test("the README's Neovim 0.7 snippet: hover, definition, diagnostics, a quick fix, completion, a new corpus file", async () => {
    const run = await runNeovim(readmeSnippet('neovim-0.7'));
    assertWorks(run);
    console.log(`neovim ${version}: new corpus file indexed after ${run.addedAfterMs} ms; completed: ${run.completed}`);
  });

  test("the README's Neovim 0.10 snippet, in 0.7 with a stand-in for vim.lsp.start", async () => {
    const shim = readFileSync(path.join(__dirname, 'nvim-0.10-shim.lua'), 'utf8');
    const run = await runNeovim(`${shim}\n${readmeSnippet('neovim-0.10')}`);
    assertWorks(run);
  });
});
