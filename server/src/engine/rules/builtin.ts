// Where the built-in rules live: `rules/` at the package root, found by walking up from this file
// (works from out/ after tsc, from dist/ after bundling, and from the packaged extension).

import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

export function builtinRulesDir(): string {
  for (let dir = __dirname; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'rules', 'rule.schema.json'))) return join(dir, 'rules');
    if (dirname(dir) === dir) throw new Error('built-in rules folder not found next to the program');
  }
}
