// `npm run test:e2e`: the end-to-end tier, in two phases.
//   1. suite: out/test/e2e/suite/index.js in VS Code with this repository as the development extension and
//      test/fixtures/workspace open. Desktop VS Code through @vscode/test-electron when its download server
//      resolves and there is a display (or STATEMENT_LENS_E2E=electron), else code-server through
//      run-code-server.sh (STATEMENT_LENS_E2E=code-server forces that).
//   2. vsix: package the extension with vsce, install the .vsix into a fresh code-server and run
//      out/test/e2e/vsix/index.js from an empty host extension, so that the packaged copy is what is tested.
// `node test/e2e/runTest.mjs suite` or `... vsix` runs one phase. Exits non-zero if any phase fails.
// Both suites are built by `npm run build` (esbuild.mjs); this script does not build.
import { spawn } from 'node:child_process';
import { lookup } from 'node:dns/promises';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const e2e = join(repo, 'test/e2e');
const workspace = join(repo, 'test/fixtures/workspace');
const suiteIndex = join(repo, 'out/test/e2e/suite/index.js');
const vsixIndex = join(repo, 'out/test/e2e/vsix/index.js');
const vsixFile = join(repo, 'out/statement-lens.vsix');
const vsixHost = join(e2e, 'vsix-host');
const runner = join(e2e, 'run-code-server.sh');

const header = title => console.log(`\n${'='.repeat(78)}\n== ${title}\n${'='.repeat(78)}`);

/** Runs a command with inherited output; resolves with its exit code (or 1 if it could not start). */
function run(command, args, options = {}) {
  console.log(`$ ${[command, ...args].join(' ')}`);
  return new Promise(done => {
    const child = spawn(command, args, { cwd: repo, stdio: ['ignore', 'inherit', 'inherit'], ...options });
    child.on('error', error => { console.error(error.message); done(1); });
    child.on('exit', (code, signal) => done(code ?? (signal ? 1 : 0)));
  });
}

function ensureWorkspace() {
  mkdirSync(workspace, { recursive: true });
  const keep = join(workspace, '.gitkeep');
  if (!existsSync(keep)) writeFileSync(keep, '');
  const draft = join(workspace, 'draft.md');
  if (!existsSync(draft)) writeFileSync(draft, 'Draft: Qin Gang said the relationship must get back on track.\n');
}

function requireBuilt(file) {
  if (existsSync(file)) return true;
  console.error(`missing ${file}: run \`npm run build\` first`);
  return false;
}

/** Whether VS Code's download server resolves, within 3 s (no internet here resolves nothing at once). */
async function canDownloadVSCode() {
  const timeout = new Promise(done => setTimeout(() => done(false), 3000).unref());
  const resolved = lookup('update.code.visualstudio.com').then(() => true, () => false);
  return Promise.race([resolved, timeout]);
}

async function runInElectron() {
  const { downloadAndUnzipVSCode, runTests } = await import('@vscode/test-electron');
  let vscodeExecutablePath;
  try {
    vscodeExecutablePath = await downloadAndUnzipVSCode();
  } catch (error) {
    console.log(`could not download VS Code (${error.message}); falling back to code-server`);
    return undefined;
  }
  try {
    // test-electron resolves 0 or rejects (TestRunFailedError) when VS Code exits non-zero
    return await runTests({
      vscodeExecutablePath,
      extensionDevelopmentPath: repo,
      extensionTestsPath: suiteIndex,
      launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes'],
    });
  } catch (error) {
    console.error(`VS Code test run failed: ${error.message}`);
    return 1;
  }
}

async function phaseSuite() {
  ensureWorkspace();
  if (!requireBuilt(suiteIndex)) return 1;
  const mode = process.env.STATEMENT_LENS_E2E;
  // desktop VS Code on Linux needs a display (xvfb-run on a headless machine)
  const headless = process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
  let why;
  if (mode === 'code-server') why = 'STATEMENT_LENS_E2E=code-server';
  else if (mode !== 'electron' && headless) why = 'no display (DISPLAY is unset)';
  else if (mode !== 'electron' && !await canDownloadVSCode()) why = 'VS Code\'s download server is not reachable';
  if (!why) {
    console.log('runner: desktop VS Code via @vscode/test-electron');
    const code = await runInElectron();
    if (code !== undefined) return code;
  } else {
    console.log(`runner: code-server (${why}; STATEMENT_LENS_E2E=electron forces desktop VS Code)`);
  }
  return run('bash', [runner, repo, suiteIndex, workspace]);
}

async function phaseVsix() {
  ensureWorkspace();
  if (!requireBuilt(vsixIndex)) return 1;
  mkdirSync(dirname(vsixFile), { recursive: true });
  const packed = await run('npx', ['--no-install', 'vsce', 'package', '--no-dependencies', '--no-rewrite-relative-links', '-o', vsixFile]);
  if (packed !== 0) { console.error('vsce package failed'); return packed; }
  return run('bash', [runner, vsixHost, vsixIndex, workspace, '--vsix', vsixFile]);
}

const phases = { suite: ['end-to-end suite in VS Code (development extension)', phaseSuite],
                 vsix: ['packaged extension (.vsix installed into code-server)', phaseVsix] };
const wanted = process.argv.slice(2).filter(arg => !arg.startsWith('-'));
for (const name of wanted) if (!phases[name]) { console.error(`unknown phase ${name}; phases: ${Object.keys(phases).join(', ')}`); process.exit(2); }

const results = [];
const names = wanted.length ? wanted : Object.keys(phases);
for (const [index, name] of names.entries()) {
  const [title, phase] = phases[name];
  header(`e2e phase ${index + 1}/${names.length}: ${title}`);
  const started = Date.now();
  const code = await phase();
  results.push({ name, code, seconds: Math.round((Date.now() - started) / 1000) });
}
header('e2e summary');
for (const { name, code, seconds } of results) console.log(`${name.padEnd(6)} ${code === 0 ? 'passed' : `FAILED (exit ${code})`}  ${seconds} s`);
process.exit(results.every(result => result.code === 0) ? 0 : 1);
