// What the language server holds once a folder is indexed, for issue 15's memory target: the live
// heap (after a full collection) of FolderIndex.indexAll in this process, then what each holder
// keeps, measured by letting go of one after another (the heap drop is what it alone held). The
// index is unusable afterwards. One process, no scan cache, V8's old generation grown by 20 % as the
// CLI (and the server it starts) sets it. Figures, not a test.
// Usage: npm run build && node --expose-gc scripts/server-memory.mjs DIR
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { getHeapSpaceStatistics } from 'node:v8';
import { measuredFolder } from './lib/heapSetup.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dir = measuredFolder();
process.env.LOCKIN_LENS_NO_CACHE = '1';
const requireHere = createRequire(import.meta.url);
const server = (path) => requireHere(join(root, 'out', 'server', 'src', path));
const { loadRules } = server('engine/rules/load.js');
const { FolderIndex } = server('lsp/folderIndex.js');

const mb = (bytes) => (bytes / 1048576).toFixed(1).padStart(6);
function liveHeap() {
  globalThis.gc();
  return process.memoryUsage().heapUsed;
}

const folder = new FolderIndex(dir, loadRules([join(root, 'rules')], join(root, 'rules')));
await folder.indexAll();
let before = liveHeap();
const old = getHeapSpaceStatistics().find((s) => s.space_name === 'old_space');
const rss = process.memoryUsage().rss;
console.log(`indexed ${folder.state.scans.size} files: live heap ${mb(before)} MB, RSS ${mb(rss)} MB,`
  + ` old space ${mb(old.space_size)} MB committed for ${mb(old.space_used_size)} MB used`);

// V8 keeps a string one byte per character only if every character fits: one emoji makes it two.
// A released text (workspace/closedTexts.ts) is a getter that reads the file again: not held.
const held = { bytes: 0, files: 0 };
for (const scan of folder.state.scans.values()) {
  if (Object.getOwnPropertyDescriptor(scan, 'text')?.get) continue;
  held.bytes += scan.text.length * (/[^\u0000-\u00ff]/.test(scan.text) ? 2 : 1);
  held.files++;
}
console.log(`  (the texts of ${held.files} files take ${mb(held.bytes)} MB of it; the others' are read when asked)`);

// Private fields are reached by name: this script measures, it is not part of the engine.
const state = folder.state;
const holders = [
  ['findings (FolderIndex.findings)', () => folder.findings.clear()],
  ['linked-check results and listings', () => state.linked.forgetAll()],
  ['workspace-check hits', () => { state.workspaceHitsCache = undefined; }],
  ['resolver memos', () => state.resolver.forgetFiles()],
  ['rule memos (canonical references, modules)', () => state.index.forgetMemos()],
  ['texts (less what slices of them still pin)', () => {
    for (const scan of state.scans.values()) Object.defineProperty(scan, 'text', { value: '' });
  }],
  ['hits of the scans', () => { for (const scan of state.scans.values()) scan.hits = []; }],
  ['facts of the scans', () => { for (const scan of state.scans.values()) scan.facts = undefined; }],
  ['scans themselves (literals, errors, names)', () => state.scans.clear()],
];
for (const [name, letGo] of holders) {
  letGo();
  const after = liveHeap();
  console.log(`  ${name.padEnd(44)} ${mb(before - after)} MB`);
  before = after;
}
console.log(`  ${'left: rules, code, module-level tables'.padEnd(44)} ${mb(before)} MB`);
