// An edit re-makes the findings, fingerprints and diagnostics of the lines it changed, and takes the
// rest over from the previous version (engine/findingsMemo.ts, lsp/diagnosticsCache.ts). Counts, not
// times: the work follows the edit, not the file's findings. What is taken over must equal a fresh
// analysis of the same text, whatever the edit (lines added, removed, a function renamed, a
// suppression comment, a duplicate line that shifts occurrence numbers).

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { forgetTree } from '../../server/src/engine/js/treeCache';
import { matchCounts, matchSitesAhead } from '../../server/src/engine/match';
import { finish } from '../../server/src/engine/util/steps';
import { DiagnosticsCache } from '../../server/src/lsp/diagnosticsCache';
import { FolderIndex } from '../../server/src/lsp/folderIndex';
import { rulesFor } from '../../server/src/lsp/folders';
import { DEFAULT_SETTINGS } from '../../server/src/lsp/settings';
import { writeTree } from '../helpers/workspace';

const REL = 'src/data.ts';
const settings = { ...DEFAULT_SETTINGS, lockin: { ...DEFAULT_SETTINGS.lockin, enable: true, inlineDiagnostics: true } };

/** `queries` one-line queries, every fifth in a function of its own, some lines repeated word for word. */
function dataFile(queries: number): string {
  const out = [
    `import { createClient } from '@supabase/supabase-js'`,
    `const supabase = createClient('https://x.supabase.co', 'anon')`,
  ];
  for (let i = 0; i < queries; i++) {
    const query = `  await supabase.from('dup').select('*')`;
    if (i % 5 === 0) out.push(`export async function load${i}(id: string) {`, query, `  return id`, `}`);
    else out.push(`export const q${i} = () => supabase.from('t${i}').select('*')`);
  }
  return out.join('\n') + '\n';
}

function openIndex(root: string, text: string): FolderIndex {
  const folder = new FolderIndex(root, rulesFor(root, { trusted: true, ruleFolders: [] }));
  folder.takeOpenScan(REL, text, finish(folder.scanOpenSteps(REL, text)));
  return folder;
}

function edit(folder: FolderIndex, text: string): void {
  folder.takeOpenScan(REL, text, finish(folder.scanOpenSteps(REL, text)));
}

/** The findings of a fresh analysis of `text` (its own parse, no memo). */
function freshFindings(root: string, text: string) {
  forgetTree(REL);
  const findings = openIndex(root, text).findings.get(REL);
  forgetTree(REL); // the incremental index's next edit parses afresh too (its findings memo stays)
  return findings;
}

describe('findings after an edit', () => {
  it('re-makes only the edited statement\'s findings and diagnostics', () => {
    const text = dataFile(1000);
    const root = writeTree({ 'package.json': '{ "name": "app" }', [REL]: text });
    forgetTree(REL);
    const folder = openIndex(root, text);
    const diagnostics = new DiagnosticsCache(() => undefined);
    const before = diagnostics.of(folder.findings.get(REL)!, settings);
    assert.ok(before.length >= 1000, `${before.length} diagnostics`);
    const memo = folder.memos.get(REL)!;
    // One character typed into one query's line: its finding moves, no other changes.
    const typed = text.replace(`export const q501 = () => supabase`, `export const q501 = () => /* x */ supabase`);
    edit(folder, typed);
    assert.equal(memo.made, 1);
    assert.equal(memo.takenOver, before.length - 1);
    const after = diagnostics.of(folder.findings.get(REL)!, settings);
    assert.equal(diagnostics.converted, 1);
    assert.equal(after.filter((d, i) => d !== before[i]).length, 1);
    // A new line with a query: one finding made, those below it taken over and moved a line down.
    const line = `export const added = () => supabase.from('new').select('*')`;
    const added = typed.replace(`export const q701 =`, `${line}\nexport const q701 =`);
    assert.notEqual(added, typed);
    edit(folder, added);
    assert.equal(memo.made, 1);
    assert.equal(memo.takenOver, before.length);
    assert.deepEqual(folder.findings.get(REL), freshFindings(root, added));
  });

  it('equals a fresh analysis of the same text after edits of every kind', () => {
    let text = dataFile(60);
    const root = writeTree({ 'package.json': '{ "name": "app" }', [REL]: text });
    forgetTree(REL);
    const folder = openIndex(root, text);
    let seed = 7;
    const random = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) % n);
    const edits: ((lines: string[], at: number) => void)[] = [
      (lines, at) => lines.splice(at, 0, `export const added${at} = () => supabase.from('x').select('*')`),
      (lines, at) => lines.splice(at, 1),
      (lines, at) => (lines[at] = `  ${lines[at]}`),
      (lines, at) => (lines[at] = lines[at].replace(/function load(\d+)/, 'function renamed$1')),
      (lines, at) => lines.splice(at, 0, `  await supabase.from('dup').select('*')`), // shifts occurrence numbers
      (lines, at) => lines.splice(at, 0, '// lockin-lens-ignore-next-line supabase/query-builder -- reviewed'),
      (lines, at) => (lines[at] = lines[at].replace("select('*')", "select('id')")),
      (lines, at) => lines.splice(at, 2, lines[at + 1] ?? '', lines[at] ?? ''),
    ];
    for (let round = 0; round < 40; round++) {
      const lines = text.split('\n');
      const kind = random(edits.length);
      edits[kind](lines, 2 + random(lines.length - 3));
      text = lines.join('\n');
      edit(folder, text);
      assert.deepEqual(folder.findings.get(REL), freshFindings(root, text), `round ${round}, edit ${kind}`);
    }
  });
});

describe('the first edit after opening a file as indexed', () => {
  it('matches by key only the references of the statement it changed', async () => {
    const text = dataFile(1000);
    const root = writeTree({ 'package.json': '{ "name": "app" }', [REL]: text });
    forgetTree(REL);
    const folder = new FolderIndex(root, rulesFor(root, { trusted: true, ruleFolders: [] }));
    await folder.indexAll();
    // Opened with the text the index scanned: the index's facts stay, the open's own scan seeds the
    // next edit (its tree and facts memo), and the server matches that scan's references at once.
    const scan = finish(folder.scanOpenSteps(REL, text));
    folder.takeOpenScan(REL, text, scan);
    matchSitesAhead(scan!.facts!, folder.state.index);
    const before = matchCounts.byKey;
    edit(folder, text.replace(`export const q501 = () => supabase`, `export const q501 = () => /* x */ supabase`));
    const matched = matchCounts.byKey - before;
    assert.ok(matched <= 4, `${matched} references matched by key`);
    assert.ok(folder.findings.get(REL)!.length >= 1000);
  });
});

describe('the facts pass of a large file', () => {
  it('pauses every few hundred statements, so a request waits for a slice of it', () => {
    const text = dataFile(5000);
    const root = writeTree({ 'package.json': '{ "name": "app" }', [REL]: text });
    forgetTree(REL);
    const folder = new FolderIndex(root, rulesFor(root, { trusted: true, ruleFolders: [] }));
    const pauses = [...folder.scanOpenSteps(REL, text)].length;
    forgetTree(REL);
    // 5,000 statements: 20 pauses in the exports pass and 20 in the sites pass, besides the others.
    assert.ok(pauses >= 40, `${pauses} pauses`);
  });
});
