// Where the built-in rules live: `rules/` at the package root, found by walking up from this file
// (works from out/ after tsc, from dist/ after bundling, and from the packaged extension or npm
// package). The package's version is read from the package.json beside them.

import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export function builtinRulesDir(): string {
  for (let dir = __dirname; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'rules', 'rule.schema.json'))) return join(dir, 'rules');
    if (dirname(dir) === dir) throw new Error('built-in rules folder not found next to the program');
  }
}

let version: string | undefined;

/** The program's version (`lockin-lens --version`, SARIF's tool version); 0.0.0 when unreadable. */
export function packageVersion(): string {
  if (version === undefined) {
    try {
      version = String(JSON.parse(readFileSync(join(dirname(builtinRulesDir()), 'package.json'), 'utf8')).version ?? '0.0.0');
    } catch {
      version = '0.0.0';
    }
  }
  return version;
}
