// The caller checks of one file share its model and analyses (CallerWorkspace.of, Analysis.of): what
// one check worked out must not leak into another check's findings, into another file's, or past an
// edit to a file the analysis read.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { scanTexts } from '../../server/src/engine/audit';
import { builtinRulesDir } from '../../server/src/engine/rules/builtin';
import { loadRules } from '../../server/src/engine/rules/load';
import type { WorkspaceState } from '../../server/src/engine/workspaceState';

const rulesDir = builtinRulesDir();
const ruleSet = loadRules([rulesDir], rulesDir);

const CALLER = 'base44/service-role-without-caller-check';
const OWNER = 'base44/service-role-without-ownership-check';

const HANDLER = 'functions/removeBooking/entry.ts';
const GUARD = 'functions/_shared/guard.ts';

/** A handler that asks a shared helper whether someone is signed in, then deletes the booking the body names. */
const handler = [
  "import { createClientFromRequest } from 'npm:@base44/sdk';",
  "import { signedIn } from '../_shared/guard.ts';",
  'Deno.serve(async (req) => {',
  '  const b44 = createClientFromRequest(req);',
  '  await signedIn(b44);',
  '  const { bookingId } = await req.json();',
  '  await b44.asServiceRole.entities.Booking.delete(bookingId);',
  '  return Response.json({ ok: true });',
  '});',
  '',
].join('\n');

/** The helper stops an anonymous caller by throwing... */
const throwingGuard = [
  'export async function signedIn(b44) {',
  '  const member = await b44.auth.me();',
  "  if (!member) throw new Error('sign in first');",
  '  return member;',
  '}',
  '',
].join('\n');

/** ...or, after an edit, never asks who is calling. */
const emptyGuard = ['export async function signedIn(b44) {', '  return b44 !== undefined;', '}', ''].join('\n');

/** The same handler with no helper at all: nothing checks the caller. */
const openHandler = handler.replace('  await signedIn(b44);\n', '').replace(/^import \{ signedIn }.*\n/m, '');

function ruleLines(state: WorkspaceState, file: string): string[] {
  return state
    .findingsFor(file)
    .filter((f) => f.ruleId === CALLER || f.ruleId === OWNER)
    .map((f) => `${f.ruleId}:${f.line}`);
}

describe('caller checks sharing one file model', () => {
  it('give each check its own verdict on the same handler', () => {
    const { state } = scanTexts(new Map([[HANDLER, handler], [GUARD, throwingGuard]]), ruleSet);
    // Signed in by the helper: not the caller check's finding, but the ownership check's.
    assert.deepEqual(ruleLines(state, HANDLER), [`${OWNER}:7`]);
  });

  it('keep files apart: each file has the findings it has when scanned alone', () => {
    const alone = (files: [string, string][]) => ruleLines(scanTexts(new Map(files), ruleSet).state, files[0][0]);
    const open = 'functions/openBooking/entry.ts';
    const files = new Map([[HANDLER, handler], [GUARD, throwingGuard], [open, openHandler]]);
    const together = scanTexts(files, ruleSet).state;
    assert.deepEqual(ruleLines(together, open), alone([[open, openHandler]]));
    assert.deepEqual(ruleLines(together, open), [`${CALLER}:5`]);
    assert.deepEqual(ruleLines(together, HANDLER), alone([[HANDLER, handler], [GUARD, throwingGuard]]));
  });

  it('follow an edit to the helper the analysis read, both ways', () => {
    const { state } = scanTexts(new Map([[HANDLER, handler], [GUARD, throwingGuard]]), ruleSet);
    assert.deepEqual(ruleLines(state, HANDLER), [`${OWNER}:7`]);
    state.setFile(GUARD, emptyGuard);
    assert.deepEqual(ruleLines(state, HANDLER), [`${CALLER}:7`]);
    state.setFile(GUARD, throwingGuard);
    assert.deepEqual(ruleLines(state, HANDLER), [`${OWNER}:7`]);
  });
});
