// `node scripts/notices.mjs` (after `npm run build`): rewrites the part of ThirdPartyNotices.md from
// MARKER on, listing every npm package whose code the bundles carry (read from their source maps),
// with its version, its licence and the licence and notice files it ships, reproduced verbatim as
// those licences ask. `--check` rewrites nothing and exits 1 when the file is out of date
// (test/notices.test.ts runs it, so a dependency bump shows up as a failing test).
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const NOTICES = join(root, 'ThirdPartyNotices.md');
const MARKER = '## npm packages in the bundles';
/** Each bundle and where it ships. */
const BUNDLES = {
  'dist/cli.bundle.js': 'the CLI and language server, in the .vsix and the npm package',
  'dist/client.js': 'the VS Code extension, in the .vsix',
};

const current = readFileSync(NOTICES, 'utf8');
const at = current.indexOf(MARKER);
if (at < 0) throw new Error(`ThirdPartyNotices.md has no '${MARKER}' heading`);
const wanted = current.slice(0, at) + section();
if (process.argv.includes('--check')) {
  if (wanted !== current) {
    console.error('ThirdPartyNotices.md is out of date: run `npm run build && node scripts/notices.mjs`');
    process.exit(1);
  }
} else {
  writeFileSync(NOTICES, wanted);
}

/** Package name → the bundles holding its code, from the bundles' source maps. */
function bundledPackages() {
  const found = new Map();
  for (const bundle of Object.keys(BUNDLES)) {
    const { sources } = JSON.parse(readFileSync(join(root, `${bundle}.map`), 'utf8'));
    for (const source of sources) {
      const name = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(source)?.[1];
      if (name) found.set(name, new Set([...(found.get(name) ?? []), bundle]));
    }
  }
  return [...found].sort(([a], [b]) => a.localeCompare(b));
}

function section() {
  const lines = [
    MARKER,
    '',
    'The bundles carry code of the npm packages below, each under its own licence, reproduced as the',
    'package ships it. Generated from the bundles\' source maps by `node scripts/notices.mjs`.',
    '',
    ...Object.entries(BUNDLES).map(([bundle, what]) => `- \`${bundle}\`: ${what}.`),
    '',
  ];
  for (const [name, bundles] of bundledPackages()) {
    const folder = join(root, 'node_modules', name);
    const manifest = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8'));
    lines.push(`### ${name} ${manifest.version}`, '', `Licence: ${manifest.license}. In ${[...bundles].map((b) => `\`${b}\``).join(' and ')}.`, '');
    const files = readdirSync(folder).filter((f) => /^(licen[cs]e|notice|thirdpartynotice)/i.test(f)).sort();
    if (files.length === 0) throw new Error(`${name} ships no licence file: add its licence text by hand`);
    for (const file of files) {
      const text = readFileSync(join(folder, file), 'utf8').replace(/\r\n/g, '\n').trimEnd();
      lines.push(`\`${file}\`:`, '', '````text', text, '````', '');
    }
  }
  return lines.join('\n');
}
