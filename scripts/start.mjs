// `npm start`: opens the sample workspace, sample/, with Statement Lens loaded as a development extension and
// the example draft sample/drafts/talks.md in the editor. The sample's settings make the bundled seeds the
// corpus, so its drafts/ are checked against them and never indexed as corpus documents.
// With desktop VS Code (`code` on PATH): `code --extensionDevelopmentPath=<repo> <repo>/sample <draft>`.
// Otherwise: code-server (installed once into the shared tool cache by test/e2e/install-tools.sh) on
// 127.0.0.1:$PORT (default 8080), no auth; open the printed URL. Runs until Ctrl+C.
// Also imported by scripts/screenshot.mjs for startCodeServer() and workbenchUrl().
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const seeds = join(repo, 'seeds');
export const sample = join(repo, 'sample');
export const sampleDraft = join(sample, 'drafts', 'talks.md');

/** Installs what is missing (idempotent) and returns the tool paths. */
export function installTools({ browser = false } = {}) {
  const script = join(repo, 'test/e2e/install-tools.sh');
  const print = 'env=$("$0" "$@") && eval "$env" && printf "%s\\n" "$VSCODE_IT_TOOLS" "$NODE24" "$CODE_SERVER" "$DRIVER_MODULES"';
  const result = spawnSync('bash', ['-c', print, script, ...(browser ? [] : ['--no-browser'])],
    { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`test/e2e/install-tools.sh failed (exit ${result.status})`);
  const [tools, node24, codeServer, driverModules] = result.stdout.trim().split('\n');
  return { tools, node24, codeServer, driverModules };
}

/**
 * The workbench URL that opens `folder` with `extensionDevelopmentPath` loaded in development mode, and `file`
 * in an editor when given. code-server rejects --extensionDevelopmentPath on its command line; its built
 * workbench reads the same setting from the URL payload, but only when started with `--vscode-option
 * enable-smoke-test-driver`.
 */
export function workbenchUrl(server, folder, extensionDevelopmentPath, file) {
  const payload = [['extensionDevelopmentPath', `vscode-remote://remote${extensionDevelopmentPath}`]];
  // the workbench names the folder's files after the host it is served from; under any other authority the
  // file would open as a second copy that diagnostics and hovers never reach
  if (file) payload.push(['openFile', `vscode-remote://${new URL(server).host}${file}`]);
  return `${server}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

/**
 * Starts code-server in its own process group. `dataDir` keeps its profile (settings, state); a temporary one
 * is made and removed when omitted. Resolves once it listens, with its base URL and stop().
 */
export async function startCodeServer({ port = 0, dataDir, tools = installTools(), log = () => {} } = {}) {
  const temporary = !dataDir;
  dataDir ??= mkdtempSync(join(tmpdir(), 'statement-lens-code-server-'));
  const userData = join(dataDir, 'user-data');
  mkdirSync(join(userData, 'User'), { recursive: true });
  mkdirSync(join(dataDir, 'xdg'), { recursive: true });
  const settings = join(userData, 'User/settings.json');
  if (!existsSync(settings)) {
    writeFileSync(settings, JSON.stringify({
      'telemetry.telemetryLevel': 'off', 'workbench.startupEditor': 'none', 'extensions.autoCheckUpdates': false,
      'extensions.autoUpdate': false, 'extensions.ignoreRecommendations': true, 'chat.disableAIFeatures': true,
      'update.mode': 'none', 'workbench.enableExperiments': false, 'workbench.tips.enabled': false,
      'workbench.secondarySideBar.defaultVisibility': 'hidden',   // the (empty) chat side bar
      'git.openRepositoryInParentFolders': 'never',               // sample/ sits inside the repository
    }, null, 2));
  }
  const xdg = join(dataDir, 'xdg');
  const child = spawn(tools.codeServer, [
    '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none',
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override',
    '--user-data-dir', userData, '--extensions-dir', join(dataDir, 'extensions'),
    '--vscode-option', 'enable-smoke-test-driver',   // makes the workbench honour the extensionDevelopmentPath payload
  ], {
    detached: true,   // own process group: stop() ends code-server and every process it started
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, PATH: `${dirname(tools.node24)}${delimiter}${process.env.PATH}`,
           XDG_CONFIG_HOME: xdg, XDG_DATA_HOME: xdg, XDG_CACHE_HOME: xdg },
  });
  let output = '';
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    const exited = new Promise(done => (child.exitCode !== null || child.signalCode !== null) ? done() : child.once('exit', done));
    try { process.kill(-child.pid, 'SIGTERM'); } catch { /* already gone */ }
    const timer = setTimeout(() => { try { process.kill(-child.pid, 'SIGKILL'); } catch { /* gone */ } }, 5000);
    await exited;
    clearTimeout(timer);
    if (temporary) rmSync(dataDir, { recursive: true, force: true });
  };
  const url = await new Promise((done, fail) => {
    let listening = false;
    const onData = chunk => {
      const text = chunk.toString();
      for (const line of text.split('\n')) if (line.trim() && !/ENOTFOUND/.test(line)) log(line);
      if (listening) return;
      output += text;
      const match = /HTTP server listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (match) { listening = true; done(match[1]); }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('error', fail);
    child.once('exit', code => fail(new Error(`code-server exited (${code}) before listening:\n${output}`)));
    setTimeout(() => fail(new Error(`code-server did not start within 60 s:\n${output}`)), 60_000).unref();
  }).catch(async error => { await stop(); throw error; });
  return { url, child, stop };
}

function commandOnPath(name) {
  return (process.env.PATH ?? '').split(delimiter).some(dir => dir && existsSync(join(dir, name)));
}

async function main() {
  if (!existsSync(join(repo, 'client/out/extension.js'))) {
    console.log('client/out/extension.js is missing: building first (npm run build)');
    const built = spawnSync('npm', ['run', 'build'], { cwd: repo, stdio: 'inherit' });
    if (built.status !== 0) process.exit(built.status ?? 1);
  }
  if (commandOnPath('code') && !process.env.STATEMENT_LENS_CODE_SERVER) {
    console.log(`code --extensionDevelopmentPath=${repo} ${sample} ${sampleDraft}`);
    const code = spawn('code', [`--extensionDevelopmentPath=${repo}`, sample, sampleDraft], { stdio: 'inherit' });
    code.on('exit', status => process.exit(status ?? 0));
    return;
  }
  const port = Number(process.env.PORT ?? 8080);
  const tools = installTools({ browser: false });
  // a profile kept between runs (in a git-ignored folder), so settings and open editors survive a restart
  const dataDir = join(repo, '.vscode-test', 'code-server');
  const server = await startCodeServer({ port, dataDir, tools,
    log: line => { if (process.env.VERBOSE) console.log(`[code-server] ${line}`); } });
  const url = workbenchUrl(server.url, sample, repo, sampleDraft);
  console.log(`\nStatement Lens (development mode) in code-server, serving ${sample} (corpus: the bundled seeds)\n\n  Open: ${url}\n\n` +
    `(without the payload, ${server.url}/ opens VS Code without the extension; Ctrl+C stops)\n`);
  let stopping = false;
  const shutdown = async () => {
    if (stopping) return;
    stopping = true;
    console.log('stopping code-server');
    await server.stop();
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
  process.on('SIGHUP', shutdown);
  server.child.on('exit', code => { if (!stopping) { console.error(`code-server exited (${code})`); process.exit(1); } });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch(error => { console.error(error.message ?? error); process.exit(1); });
}
