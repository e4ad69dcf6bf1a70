// What an audit holds at each stage, for issue 15's memory target: live heap (after a full
// collection) and RSS once the texts are read, after the scan's two passes and after the findings.
// One process, no workers, no scan cache, V8's old generation grown by 20 % as the CLI sets it.
// Figures, not a test. Usage: npm run build && node --expose-gc scripts/audit-memory.mjs DIR
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { measuredFolder } from './lib/heapSetup.mjs';
import { engineModule } from './lib/parseOnly.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dir = measuredFolder();
const { loadRules } = engineModule(root, 'rules/load.js');
const { fileFilter } = engineModule(root, 'audit.js');
const { scanTexts } = engineModule(root, 'scanTexts.js');
const { walkWorkspace } = engineModule(root, 'workspace/walk.js');
const { readOne, DEFAULT_MAX_FILE_BYTES } = engineModule(root, 'workspace/readFile.js');

const mb = (bytes) => Math.round(bytes / 1048576);
function stage(name) {
  const rssBefore = process.memoryUsage().rss;
  globalThis.gc();
  const { heapUsed } = process.memoryUsage();
  const column = (n) => String(mb(n)).padStart(4);
  console.log(`${name.padEnd(30)} live heap ${column(heapUsed)} MB   RSS ${column(rssBefore)} MB`);
}

const rules = loadRules([join(root, 'rules')], join(root, 'rules'));
stage('rules loaded');
const texts = new Map();
let latin1 = 0;
let wide = 0;
for (const file of walkWorkspace(dir, { wanted: fileFilter(rules) }).files) {
  const read = readOne(dir, file, DEFAULT_MAX_FILE_BYTES);
  if (!('text' in read)) continue;
  texts.set(read.file, read.text);
  // V8 keeps a string one byte per character only if every character fits: one emoji makes it two.
  if (/[^\u0000-\u00ff]/.test(read.text)) wide += read.text.length;
  else latin1 += read.text.length;
}
stage(`${texts.size} texts read`);
console.log(`  (${mb(latin1)} M characters in one-byte strings, ${mb(wide)} M in two-byte ones)`);
const { state } = scanTexts(texts, rules, []);
stage('scanned (both passes)');
const findings = state.allFindings();
stage(`${findings.length} findings made`);
