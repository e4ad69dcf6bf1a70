// The platform rewrite bound (docs/cost-model.md, "The rewrite bound"): configuration, Security
// Rules, SQL and hosting files are touched code too, so their lines count in the rewrite and their
// terms are bounded by it; only data, account and stored-file moves stay outside, and the estimate
// says which of them take it past a rewrite. The apps here are small shapes written in our own words.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { auditFolder } from '../../server/src/engine/audit';
import { enclosingSymbols, UnitSpan } from '../../server/src/engine/baseline/outline';
import type { PlatformCost } from '../../server/src/engine/cost';
import { ruleSet, tree } from './helpers';

const RULES_LINES = 40;
/** A Firestore rules file of 40 lines: owners read and write their own boards. */
const RULES = [
  "rules_version = '2';",
  'service cloud.firestore {',
  '  match /databases/{database}/documents {',
  ...Array.from({ length: RULES_LINES - 5 }, (_, i) => `    match /boards${i}/{id} { allow read, write: if request.auth.uid == resource.data.owner; }`),
  '  }',
  '}',
  '',
].join('\n');

const BOARD = `import { getFirestore, collection, addDoc } from 'firebase/firestore'
import { getAuth } from 'firebase/auth'

export async function saveBoard(name) {
  const db = getFirestore()
  return addDoc(collection(db, 'boards'), { name, owner: getAuth().currentUser.uid })
}
`;

/** Work: every term but the moves, added up (the bound caps this). */
function work(p: PlatformCost): number {
  const moves = ['data', 'identity', 'stored-files'];
  return p.categories.flatMap((c) => c.terms).filter((t) => !moves.includes(t.kind)).reduce((s, t) => s + t.likely, 0);
}

describe('the platform rewrite bound', () => {
  it('gives configuration, SQL and JSON findings the unit a rewrite would replace', () => {
    const sql = 'create table notes (id uuid);\n\ncreate policy "own notes" on notes\n  for select using (auth.uid() = owner);\nselect 1;';
    const units = new Map<number, UnitSpan>();
    enclosingSymbols('supabase/migrations/1_init.sql', sql, [4], units);
    assert.deepEqual(units.get(4), { line: 3, endLine: 4 }, 'the policy statement');
    const toml = '[build]\n  command = "npm run build"\n  publish = "dist"\n\n[[redirects]]\n  from = "/api/*"\n  to = "/x"';
    units.clear();
    enclosingSymbols('netlify.toml', toml, [2, 6], units);
    assert.deepEqual(units.get(2), { line: 1, endLine: 3 }, 'the [build] section');
    assert.deepEqual(units.get(6), { line: 5, endLine: 7 }, 'the [[redirects]] section');
    const json = '{\n  "name": "app",\n  "dependencies": {\n    "firebase": "^10.0.0",\n    "react": "^18.0.0"\n  },\n  "private": true\n}';
    units.clear();
    enclosingSymbols('package.json', json, [4], units);
    assert.deepEqual(units.get(4), { line: 3, endLine: 6 }, 'the dependencies key, not the whole package.json');
  });

  it('bounds a Security Rules file by a rewrite of its lines, and names the moves that stay outside', async () => {
    const root = tree({ 'firestore.rules': RULES, 'src/boards.js': BOARD });
    const { findings, cost } = await auditFolder(root, ruleSet, { workers: 0 });
    const rules = findings.find((f) => f.ruleId === 'firebase/security-rules')!;
    assert.deepEqual(rules.unit, { line: 1, endLine: RULES_LINES }, 'a whole-file rule: the whole file is its unit');
    const firebase = cost.platforms.find((p) => p.platform === 'firebase')!;
    const lines = firebase.rewrite!.touchedLines;
    assert.ok(lines >= RULES_LINES + 4, `the rules file and the function count: ${lines}`);
    const rewrite = lines / 25;
    assert.ok(firebase.rewriteBound, 'a small app: its work is capped');
    assert.ok(Math.abs(work(firebase) - rewrite) <= 0.15, `work ${work(firebase)} h at the rewrite ${rewrite} h`);
    const auth = firebase.categories.find((c) => c.category === 'auth')!;
    const rulesTerm = auth.terms.find((t) => t.ruleId === 'firebase/security-rules')!;
    assert.ok(rulesTerm.likely < rewrite, `the rules file costs less than rewriting everything: ${rulesTerm.likely} h`);
    assert.match(rulesTerm.formula, /platform rewrite bound/);
    const identity = auth.terms.find((t) => t.kind === 'identity')!;
    assert.equal(identity.likely, 26, 'the account move (scrypt hashes) is not bounded: 12–40 h');
    assert.ok(firebase.rewrite!.past, 'past a rewrite');
    assert.deepEqual(firebase.rewrite!.outside.map((o) => o.kind).sort(), ['data', 'identity']);
    assert.match(firebase.rewrite!.summary, /account migration \(auth, up to 40 h\)/);
    assert.ok(cost.total.high / cost.total.low <= 2.5, `high ÷ low ${cost.total.high / cost.total.low}`);
  });

  it('prices a hosting-only move at no more than rewriting its configuration', async () => {
    const toml = '[build]\n  command = "npm run build"\n  publish = "dist"\n\n[[redirects]]\n  from = "/*"\n  to = "/index.html"\n';
    const root = tree({ 'netlify.toml': toml, 'index.html': '<h1>hi</h1>\n' });
    const { cost } = await auditFolder(root, ruleSet, { workers: 0 });
    const netlify = cost.platforms.find((p) => p.platform === 'netlify')!;
    assert.ok(netlify.rewrite, 'the configuration has touched lines');
    const rewrite = netlify.rewrite.touchedLines / 25;
    assert.ok(netlify.total.high <= rewrite * 1.3 + 0.1, `high ${netlify.total.high} h within a slow rewrite of ${rewrite} h`);
    assert.equal(netlify.rewrite.past, false);
    assert.match(netlify.rewrite.summary, /within it/);
  });

  it('does not call an Amplify backend defined in code "unseen": definitions are uses, not missed calls', async () => {
    const define = (fn: string, name: string, body: string) =>
      `import { ${fn} } from '@aws-amplify/backend'\n\nexport const ${name} = ${fn}({\n  ${body}\n})\n`;
    const files: Record<string, string> = {
      'amplify/backend.ts': `import { defineBackend } from '@aws-amplify/backend'
import { auth } from './auth/resource'
import { data } from './data/resource'

defineBackend({
  auth,
  data,
})
`,
      'amplify/auth/resource.ts': define('defineAuth', 'auth', 'loginWith: { email: true },'),
      'amplify/data/resource.ts': define('defineData', 'data', "schema: 'type Note @model { text: String }',"),
      'amplify/storage/resource.ts': define('defineStorage', 'storage', "name: 'photos',"),
      'amplify/functions/resize/resource.ts': define('defineFunction', 'resize', "name: 'resize',"),
      'src/main.ts': "import { Amplify } from 'aws-amplify'\nimport outputs from '../amplify_outputs.json'\nAmplify.configure(outputs)\n",
      'src/notes.ts': `import { generateClient } from 'aws-amplify/data'
const client = generateClient()
export async function notes() {
  const { data } = await client.models.Note.list()
  return data
}
`,
    };
    const { cost } = await auditFolder(tree(files), ruleSet, { workers: 0 });
    const amplify = cost.platforms.find((p) => p.platform === 'amplify');
    assert.ok(amplify, 'Amplify is priced');
    assert.equal(amplify.provisional, undefined, `every importing file is a use the audit saw: ${amplify.provisional}`);
  });
});
