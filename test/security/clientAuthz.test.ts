// Access decisions made in browser code: the admin lookup counts only where no Security Rules are
// kept with the code (with rules in the repository, the lookup is a UI hint they back).

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { scanTexts } from '../../server/src/engine/audit';
import { builtinRulesDir } from '../../server/src/engine/rules/builtin';
import { loadRules } from '../../server/src/engine/rules/load';

const rulesDir = builtinRulesDir();
const ruleSet = loadRules([rulesDir], rulesDir);

function adminFindings(files: Record<string, string>): string[] {
  const { state } = scanTexts(new Map(Object.entries(files)), ruleSet);
  return state.allFindings().filter((f) => f.ruleId === 'firebase/client-admin-document').map((f) => `${f.file}:${f.line}`);
}

const store = [
  "import { doc, getDoc } from 'firebase/firestore';",
  "import { db } from './firebase';",
  "export const isStaff = async (uid) => (await getDoc(doc(db, 'staff', uid))).exists();",
  '',
].join('\n');

describe('client-side admin lookups', () => {
  it('reports the lookup in a workspace without Security Rules', () => {
    assert.deepEqual(adminFindings({ 'src/role.js': store, 'firebase.json': '{ "hosting": { "public": "dist" } }' }), ['src/role.js:3']);
  });

  it('stays quiet when firestore.rules is kept with the code', () => {
    const rules = "rules_version = '2';\nservice cloud.firestore {\n  match /databases/{db}/documents {}\n}\n";
    assert.deepEqual(adminFindings({ 'src/role.js': store, 'firestore.rules': rules }), []);
  });

  it('stays quiet when firebase.json points at rules', () => {
    const config = '{ "firestore": { "rules": "config/db.rules" } }';
    assert.deepEqual(adminFindings({ 'src/role.js': store, 'firebase.json': config }), []);
  });

  it('ignores the same lookup through the Admin SDK on a server', () => {
    const server = [
      "import { getFirestore } from 'firebase-admin/firestore';",
      'export const r = (uid) => getFirestore().doc(`admins/${uid}`).get();',
      '',
    ].join('\n');
    assert.deepEqual(adminFindings({ 'functions/role.js': server }), []);
  });
});
