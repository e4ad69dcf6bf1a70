// ThirdPartyNotices.md names every npm package whose code the bundles carry, with the licence files
// it ships (scripts/notices.mjs writes that part from the bundles' source maps): both packages
// ship the bundles, so their notices must be current.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';

const ROOT = join(__dirname, '..', '..');

describe('ThirdPartyNotices.md', () => {
  it('is current with the bundles (node scripts/notices.mjs --check)', () => {
    const run = spawnSync(process.execPath, [join(ROOT, 'scripts', 'notices.mjs'), '--check'], { encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
  });

  it('carries the licences of the bundled compiler, schema validator and glob matcher', () => {
    const text = readFileSync(join(ROOT, 'ThirdPartyNotices.md'), 'utf8');
    const version = (name: string) => JSON.parse(readFileSync(join(ROOT, 'node_modules', name, 'package.json'), 'utf8')).version;
    assert.match(text, new RegExp(`### typescript ${version('typescript')}\\n\\nLicence: Apache-2\\.0\\. In \`dist/cli\\.bundle\\.js\`\\.`));
    assert.match(text, /Apache License\s+Version 2\.0, January 2004/);
    assert.match(text, new RegExp(`### ajv ${version('ajv')}\\n\\nLicence: MIT`));
    assert.match(text, /### minimatch [\d.]+\n\nLicence: BlueOak-1\.0\.0/);
  });
});
