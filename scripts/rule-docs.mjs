// Writes one Markdown page per built-in rule to dist/rule-docs/<platform>/<name>.md (shipped with the
// extension; diagnostics link to them). Uses the compiled engine so pages match hovers word for word.
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const { loadRules } = require('../out/server/src/engine/rules/load.js');
const { ruleDocsMarkdown } = require('../out/server/src/engine/rules/docs.js');

const set = loadRules(['rules'], 'rules');
for (const rule of set.rules) {
  const file = join('dist', 'rule-docs', `${rule.id}.md`);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, ruleDocsMarkdown(rule));
}
const index = ['# Lock-in Lens rules', '', ...set.rules.map((r) => `- [${r.id}](${r.id}.md) — ${r.docs.summary}`)].join('\n');
writeFileSync(join('dist', 'rule-docs', 'README.md'), index + '\n');
console.log(`rule docs: ${set.rules.length} pages`);
