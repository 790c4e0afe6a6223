#!/usr/bin/env bash
# Runs a VS Code extension's integration suite (the @vscode/test-electron contract: a module exporting run())
# inside real VS Code (code-server 4.139.1 = VS Code 1.139.1, Node extension host), rendered headless by
# Debian's Chromium and driven by playwright-core. Needs only the npm registry and Debian's apt.
# The project's copy of shared/tools/vscode-it.sh, plus --vsix and a configurable timeout.
#
# usage: run-code-server.sh <extensionDevelopmentPath> <extensionTestsPath.js> [workspaceFolder] [--vsix <file.vsix>]
#   --vsix F           install F into the private extensions dir before starting (tests the packaged extension)
# env: TEST_TIMEOUT_MS  whole run after the tool install: code-server start to the suite's end (default 600000)
#      VSCODE_IT_TOOLS  tool cache (default ~/.cache/vscode-it, shared with vscode-it.sh)
#      VERBOSE=1        print the workbench's own console noise and the full server log on failure
# exit: 0 only if the suite ran and passed; 1 if it failed or timed out; 2 if the harness itself broke.
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
VSIX=; ARGS=()
while [ $# -gt 0 ]; do
  case "$1" in
    --vsix) VSIX=$(realpath "${2:?--vsix needs a file}"); shift 2 ;;
    --vsix=*) VSIX=$(realpath "${1#--vsix=}"); shift ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    *) ARGS+=("$1"); shift ;;
  esac
done
[ ${#ARGS[@]} -ge 2 ] || { sed -n '8,8p' "$0" >&2; exit 2; }
EXT=$(realpath "${ARGS[0]}"); TESTS=$(realpath "${ARGS[1]}"); WS=$(realpath "${ARGS[2]:-${ARGS[0]}}")
[ -f "$EXT/package.json" ] || { echo "run-code-server: no package.json in $EXT" >&2; exit 2; }
[ -f "$TESTS" ] || { echo "run-code-server: no test module $TESTS (built yet?)" >&2; exit 2; }
[ -z "$VSIX" ] || [ -f "$VSIX" ] || { echo "run-code-server: no vsix $VSIX" >&2; exit 2; }
export TEST_TIMEOUT_MS=${TEST_TIMEOUT_MS:-600000}

# 1-4. tools: chromium, krb5 headers, Node 24, code-server, playwright-core (each skipped when present)
TOOLS_ENV=$("$HERE/install-tools.sh")   # (a bare eval "$(...)" would hide its failure)
eval "$TOOLS_ENV"
START=$SECONDS   # the timeout counts from here: a cold tool install (~2-3 min) is not part of it

RUN=$(mktemp -d "${TMPDIR:-/tmp}/vscode-it.XXXXXX"); mkdir -p "$RUN/ud/User" "$RUN/xdg" "$RUN/exts"
PG=; DRIVER=
stop() {
  if [ -n "$DRIVER" ]; then   # the driver closes Chromium on SIGTERM
    kill "$DRIVER" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$DRIVER" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$DRIVER" 2>/dev/null || true
  fi
  if [ -n "$PG" ]; then
    kill -- -"$PG" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 -- -"$PG" 2>/dev/null || break; sleep 0.1; done
    kill -9 -- -"$PG" 2>/dev/null || true
  fi
  rm -rf "$RUN"
}
trap stop EXIT
trap 'exit 130' INT; trap 'exit 143' TERM

# the driver: opens the workbench with the test payload, relays the extension host console (mocha's output),
# and waits for the workbench to call codeAutomationExit(code) when run() settles
cat > "$RUN/driver.cjs" <<'JS'
const { chromium } = require('playwright-core');
const fs = require('fs'), os = require('os'), path = require('path'), util = require('util');
const [server, folder, devPath, testsPath, deadline] = process.argv.slice(2);
const remote = p => 'vscode-remote://remote' + p;   // the server maps vscode-remote:// to its local file system
const payload = [['extensionDevelopmentPath', remote(devPath)], ['extensionTestsPath', remote(testsPath)]];
const url = `${server}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
const NOISE = /ChatModelSelection|AgentHost|AccountPolicyGate|Creating a socket|connection token|Failed to load resource|open-vsx|grace time|Service Worker|builtin extensions cache|web worker extension host|allow-scripts|authentication provider|unknown error occurred|ENOTFOUND|Creation of workbench contribution/;
(async () => {
  const udd = fs.mkdtempSync(path.join(os.tmpdir(), 'vscode-it-chromium-'));
  let ctx;
  try {
    ctx = await chromium.launchPersistentContext(udd, { executablePath: process.env.CHROMIUM || '/usr/bin/chromium', viewport: { width: 1440, height: 900 },
      headless: true, handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false, args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'] });
    const page = ctx.pages()[0] || await ctx.newPage();
    let done; const exited = new Promise(r => (done = r));
    for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.once(signal, () => done(`interrupted (${signal})`));
    ctx.once('close', () => done('browser closed'));
    await page.exposeFunction('codeAutomationExit', code => done(code));   // called by the workbench
    // A suite may ask the driver to act on the page, by logging `[vscode-it] {json}`: find the frame that has
    // `frame` (a webview's), click `click`, focus `focus`, press `press` keys (on `pressOn`), then count
    // `count` and save a `screenshot`; the driver
    // writes what it saw as JSON to `reply` (renamed into place, so the suite never reads half a file).
    const act = async request => {
      const result = {};
      try {
        let target = page.mainFrame();
        if (request.frame) {
          const until = Date.now() + (request.timeoutMs || 30000);
          let found;
          while (!found && Date.now() < until) {
            for (const frame of page.frames()) if (await frame.locator(request.frame).count().catch(() => 0)) { found = frame; break; }
            if (!found) await new Promise(r => setTimeout(r, 200));
          }
          if (!found) throw new Error(`no frame shows ${request.frame}`);
          target = found;
          await target.locator(request.frame).first().waitFor({ state: 'visible', timeout: 10000 });
        }
        if (request.click) await target.locator(request.click).first().click();
        if (request.focus) await target.locator(request.focus).first().focus();
        // keys go to the element `pressOn` matches at each press (the focus may move with them), else to the page
        for (const key of request.press || []) {
          if (request.pressOn) await target.locator(request.pressOn).first().press(key);
          else await page.keyboard.press(key);
        }
        if (request.count) result.count = await target.locator(request.count).count();
        if (request.screenshot) {
          await target.evaluate(() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r))));
          fs.mkdirSync(path.dirname(request.screenshot), { recursive: true });
          await page.screenshot({ path: request.screenshot });
          result.screenshot = request.screenshot;
        }
      } catch (error) {
        result.error = String(error && error.message || error);
      }
      fs.writeFileSync(`${request.reply}.part`, JSON.stringify(result));
      fs.renameSync(`${request.reply}.part`, request.reply);
    };
    page.on('console', async m => {                                         // extension host console
      let v; try { v = await Promise.all(m.args().map(a => a.jsonValue())); } catch { v = [m.text()]; }
      if (typeof v[0] === 'string' && v[0].startsWith('%c')) v = v.slice(2);  // strip the host's CSS prefix
      let line = util.format(...v);
      const request = /^\[vscode-it\] (\{.*\})\s*$/.exec(line);
      if (request) { try { void act(JSON.parse(request[1])); } catch (error) { console.error(`bad driver request: ${error.message}`); } return; }
      if (!process.stdout.isTTY) line = line.replace(/\x1b\[[0-9;]*m/g, '');   // mocha colours under CI=true
      if (process.env.VERBOSE || (line.trim() && !NOISE.test(line))) console.log(line);
    });
    page.on('crash', () => done('page crashed'));
    await page.goto(url);
    const left = Math.max(1000, +deadline - Date.now());
    let timer;
    const code = await Promise.race([exited, new Promise(r => (timer = setTimeout(
      () => r(`timeout after ${process.env.TEST_TIMEOUT_MS} ms (TEST_TIMEOUT_MS)`), left)))]);
    clearTimeout(timer);
    console.log(`extension tests exit code: ${code}`);
    return code === 0 ? 0 : 1;
  } finally {
    if (ctx) await Promise.race([ctx.close().catch(() => {}), new Promise(r => setTimeout(r, 10000).unref())]);
    fs.rmSync(udd, { recursive: true, force: true });
  }
})().then(rc => process.exit(rc), e => { console.error(e); process.exit(2); });
JS

export XDG_CONFIG_HOME=$RUN/xdg XDG_DATA_HOME=$RUN/xdg XDG_CACHE_HOME=$RUN/xdg   # keep ~ clean
cat > "$RUN/ud/User/settings.json" <<'JSON'
{ "telemetry.telemetryLevel": "off", "workbench.startupEditor": "none", "extensions.autoCheckUpdates": false,
  "extensions.autoUpdate": false, "extensions.ignoreRecommendations": true, "chat.disableAIFeatures": true,
  "update.mode": "none", "workbench.enableExperiments": false }
JSON

# 5. optionally the packaged extension, into the same private extensions dir the server will use
if [ -n "$VSIX" ]; then
  echo "installing $(basename "$VSIX") into the private extensions dir"
  PATH=$(dirname "$NODE24"):$PATH "$CODE_SERVER" --user-data-dir "$RUN/ud" --extensions-dir "$RUN/exts" \
    --install-extension "$VSIX" </dev/null 2>&1 | grep -v ENOTFOUND || true
  [ -n "$(ls -A "$RUN/exts")" ] || { echo "run-code-server: installing $VSIX failed" >&2; exit 2; }
fi

# 6. a private code-server: fresh profile, no auth, random port; --enable-smoke-test-driver makes the built
#    workbench honour the extensionDevelopmentPath/extensionTestsPath URL payload. setsid: own process group.
# the suite learns from this that the driver above answers its `[vscode-it] {json}` requests
export VSCODE_IT_DRIVER=1
PATH=$(dirname "$NODE24"):$PATH setsid "$CODE_SERVER" --bind-addr 127.0.0.1:0 --auth none \
  --disable-telemetry --disable-update-check --disable-workspace-trust --disable-getting-started-override \
  --user-data-dir "$RUN/ud" --extensions-dir "$RUN/exts" --vscode-option enable-smoke-test-driver \
  >"$RUN/server.log" 2>&1 </dev/null &
PG=$!
URL=
for _ in $(seq 300); do
  URL=$(grep -so 'http://127.0.0.1:[0-9]*' "$RUN/server.log" | head -1 || true); [ -n "$URL" ] && break
  kill -0 "$PG" 2>/dev/null || break; sleep 0.1
done
[ -n "$URL" ] || { echo "run-code-server: code-server did not start" >&2; cat "$RUN/server.log" >&2; exit 2; }

DEADLINE=$(( $(date +%s%3N) + TEST_TIMEOUT_MS - (SECONDS - START) * 1000 ))
# in the background so that a signal to this script alone runs the traps at once (stop() ends the driver too)
NODE_PATH=$DRIVER_MODULES "$NODE24" "$RUN/driver.cjs" "$URL" "$WS" "$EXT" "$TESTS" "$DEADLINE" </dev/null &
DRIVER=$!
rc=0; wait $DRIVER || rc=$?; DRIVER=
if [ $rc -ne 0 ]; then
  echo '--- code-server log (tail) ---'
  if [ -n "${VERBOSE:-}" ]; then cat "$RUN/server.log"; else grep -v ENOTFOUND "$RUN/server.log" | tail -20; fi
fi
echo "run-code-server: $([ $rc -eq 0 ] && echo passed || echo FAILED) in $((SECONDS - START)) s"
exit $rc
