#!/usr/bin/env node
// Command-line entry point; `npm run build` bundles the program into dist/cli.bundle.js, which
// dist/cli.js loads (through V8's code cache: server/src/cli/loader.ts).
require('../dist/cli.js').runCommandLine();
