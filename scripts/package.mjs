// `npm run package` (after the build; `-- --out FILE` to choose where): the .vsix, from bundled
// output only. It is staged in a temporary folder holding what the package may draw from (the
// manifest and documents, the rule packs with their fixtures, the rule pages, and the bundles
// rebuilt minified with the panel's codicons copied beside them), so dist/ stays as the build
// left it and tests may package while others run. Inside the stage, .vscodeignore (an allow-list)
// decides what goes in.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { name, version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const args = process.argv.slice(2);
const out = args.includes('--out') ? resolve(args[args.indexOf('--out') + 1]) : join(root, `${name}-${version}.vsix`);
const vsce = join(dirname(createRequire(import.meta.url).resolve('@vscode/vsce/package.json')), 'vsce');

const stage = mkdtempSync(join(tmpdir(), 'lockin-package-'));
try {
  for (const entry of ['package.json', 'README.md', 'CHANGELOG.md', 'LICENSE', 'ThirdPartyNotices.md', '.vscodeignore', 'images', 'docs', 'rules', 'dist/rule-docs']) {
    cpSync(join(root, entry), join(stage, entry), { recursive: true });
  }
  // `files` is the npm package's allow-list; vsce refuses it beside .vscodeignore, the .vsix's own.
  const manifest = JSON.parse(readFileSync(join(stage, 'package.json'), 'utf8'));
  delete manifest.files;
  writeFileSync(join(stage, 'package.json'), JSON.stringify(manifest, null, 2) + '\n');
  run(process.execPath, [join(root, 'scripts', 'bundle.mjs'), '--minify', '--outdir', join(stage, 'dist')], root);
  // No public repository URL yet, so none is invented: relative README links stay relative, and
  // VS Code resolves them inside the installed extension, where test/readme.links.test.ts checks
  // that every one of them is packaged (the npm package's README the same way). Once the project
  // has its URL, a `repository` field lets vsce rewrite them for the Marketplace page (drop both
  // flags below) and lets npm's website resolve them.
  run(process.execPath, [vsce, 'package', '--no-dependencies', '--no-rewrite-relative-links', '--allow-missing-repository', '--out', out], stage);
  console.log(`package: ${out} (${(statSync(out).size / 2 ** 20).toFixed(2)} MB)`);
} finally {
  rmSync(stage, { recursive: true, force: true });
}

function run(command, commandArgs, cwd) {
  const result = spawnSync(command, commandArgs, { cwd, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
