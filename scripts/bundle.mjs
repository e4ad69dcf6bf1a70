// Bundles the shipped programs with esbuild: the CLI and language server, and the VS Code client.
// `--minify` (used for the .vsix) shrinks both; their source maps are then written beside the
// bundles without a link from them, and .vscodeignore keeps them out of the package.
// `--outdir DIR` writes somewhere other than dist/ (packaging stages the .vsix in a temporary folder).
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const args = process.argv.slice(2);
const minify = args.includes('--minify');
const outdir = args.includes('--outdir') ? args[args.indexOf('--outdir') + 1] : 'dist';
// Without --minify, whitespace and syntax are still minified but names are kept, so stack traces in
// logs stay readable: the unminified bundle (11 MB of source V8 keeps in memory) cost the audit of
// a 6,000-file workspace 13 MB more peak memory (npm run bench).
const shrink = minify ? { minify: true } : { minifyWhitespace: true, minifySyntax: true };

/**
 * Each of our modules that imports TypeScript would otherwise get its own copy of TypeScript's
 * thousands of exports from esbuild's CommonJS interop (`__toESM` copies every property): about
 * 150 ms of CPU at every start of the CLI, the language server and each scan worker. Our imports
 * of `typescript` resolve to one ES module that imports it once (scripts/typescriptOnce.mjs).
 */
const typescriptOnce = join(dirname(new URL(import.meta.url).pathname), 'typescriptOnce.mjs');
const oneTypeScript = {
  name: 'one-typescript',
  setup(builder) {
    builder.onResolve({ filter: /^typescript$/ }, (args) =>
      args.importer === typescriptOnce ? undefined : { path: typescriptOnce },
    );
  },
};
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: minify ? 'external' : true,
  ...shrink,
  logLevel: 'warning',
  plugins: [oneTypeScript],
};

// The CLI also carries the language server (`lockin-lens lsp`), which the extension starts. The
// program is cli.bundle.js; cli.js, which everything loads, is a small loader that compiles the
// bundle with V8's code cache (server/src/cli/loader.ts). The loader has no source map: it is short
// and keeps its names.
await build({ ...common, entryPoints: ['server/src/cli/main.ts'], outfile: join(outdir, 'cli.bundle.js') });
assertAscii(join(outdir, 'cli.bundle.js'));
await build({ ...common, entryPoints: ['server/src/cli/loader.ts'], outfile: join(outdir, 'cli.js'), sourcemap: false });
await build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: join(outdir, 'client.js'), external: ['vscode'] });
copyCodicons(join(outdir, 'codicons'));

/**
 * esbuild writes non-ASCII characters of strings as escapes, but not those inside a regex literal's
 * character class. One such character makes V8 keep the bundle's whole source (which it holds for
 * the process's life) at two bytes a character: 7.5 MB more memory in every process. Write
 * `\u2026` in the regex instead.
 */
function assertAscii(file) {
  const text = readFileSync(file, 'latin1');
  const at = text.search(/[^\x00-\x7f]/);
  if (at >= 0) throw new Error(`${file} is not ASCII: ${JSON.stringify(text.slice(Math.max(0, at - 60), at + 20))}`);
}

/**
 * The lock-in panel's icons: the codicon stylesheet and the font it loads, copied beside the
 * bundles because the .vsix ships no node_modules and the webview may only read the extension's
 * own files. Nothing else from the package is needed (its licences are in ThirdPartyNotices.md).
 */
function copyCodicons(target) {
  const source = join(dirname(createRequire(import.meta.url).resolve('@vscode/codicons/package.json')), 'dist');
  mkdirSync(target, { recursive: true });
  for (const file of ['codicon.css', 'codicon.ttf']) copyFileSync(join(source, file), join(target, file));
}
