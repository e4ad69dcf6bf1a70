// The outline of an edited text (enclosing symbols and units of code) walks again only the stretch
// around the edit and takes the rest over (baseline/outlineReuse.ts): it must say what a walk of the
// whole new text says, whatever the edit.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { enclosingSymbols, UnitSpan } from '../../server/src/engine/baseline/outline';
import { outlineAfterEdit, OutlineLines, outlineLines } from '../../server/src/engine/baseline/outlineReuse';
import { LineMap } from '../../server/src/engine/findings';

const BLOCKS = [
  ['export class Orders {', '  async list(id: string) {', '    return db.from(id)', '  }', '}'],
  ['export const handler = async (req) => {', '  const rows = await db.get(req)', '  return rows', '}'],
  ['export async function load(', '  id: string,', ') {', '  return db.get(id)', '}'],
  ["export const q = () => db.from('t').select('*')"],
  ['', '// a comment at the margin', '  indented()'],
  ['const config = {', '  fetch: async () => {', '    await db.get()', '  },', '}'],
];

/** Lines of code the outline walks on: blocks of several shapes, in a seeded order. */
function program(blocks: number, random: (n: number) => number): string[] {
  const lines: string[] = [];
  for (let i = 0; i < blocks; i++) lines.push(...BLOCKS[random(BLOCKS.length)].map((l) => l.replace('q =', `q${i} =`)));
  return lines;
}

/** The lines of the outline's arrays as maps, to compare with enclosingSymbols. */
function asMaps(outline: OutlineLines, wanted: number[]) {
  const symbols = new Map(wanted.map((line) => [line, outline.symbols[line]]));
  return { symbols, units: new Map(wanted.map((line) => [line, outline.unitOf(line)])) };
}

/** What a walk of the whole edited text says, and what the walk of its edited stretch says. */
function bothWays(file: string, before: string, after: string) {
  const all = (text: string) => Array.from({ length: new LineMap(text).splitCount }, (_, i) => i + 1);
  const previous = outlineLines(file, before, new LineMap(before), all(before), true);
  const wanted = all(after);
  const units = new Map<number, UnitSpan>();
  const fresh = { symbols: enclosingSymbols(file, after, wanted, units), units };
  let prefix = 0;
  while (prefix < Math.min(before.length, after.length) && before[prefix] === after[prefix]) prefix++;
  let suffix = 0;
  while (suffix < Math.min(before.length, after.length) - prefix && before.at(-1 - suffix) === after.at(-1 - suffix)) suffix++;
  const lines = new LineMap(after);
  const firstChanged = lines.position(prefix).line;
  // The first line past the changed characters that starts a line in both texts.
  let sameFrom = lines.position(after.length - suffix).line;
  const at = lines.startOf(sameFrom);
  const oldAt = at - (after.length - before.length);
  if (at < after.length - suffix || (oldAt > 0 && before[oldAt - 1] !== '\n')) sameFrom++;
  const reused = outlineAfterEdit(file, lines, wanted, previous, { firstChanged, sameFrom });
  return { fresh, reused: reused && asMaps(reused, wanted) };
}

describe('the outline after an edit', () => {
  it('equals a walk of the whole new text after random edits', () => {
    let seed = 11;
    const random = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) % n);
    let lines = program(40, random);
    const edits: ((at: number) => void)[] = [
      (at) => lines.splice(at, 0, `export const added${at} = () => {`, '  call()', '}'),
      (at) => lines.splice(at, 1),
      (at) => (lines[at] = `  ${lines[at]}`),
      (at) => (lines[at] = lines[at].replace(/^ {2}/, '')),
      (at) => (lines[at] = `${lines[at]} // typed`),
      (at) => lines.splice(at, 0, '}'),
      (at) => lines.splice(at, 3),
    ];
    for (let round = 0; round < 300; round++) {
      if (lines.length < 10) lines.push(...program(5, random));
      const before = lines.join('\n') + (round % 3 === 0 ? '' : '\n');
      edits[random(edits.length)](random(lines.length));
      const after = lines.join('\n') + (round % 3 === 0 ? '' : '\n');
      if (after === before) continue;
      const { fresh, reused } = bothWays('src/orders.ts', before, after);
      assert.ok(reused, `round ${round}: the previous walk answers for every line`);
      assert.deepEqual(reused.symbols, fresh.symbols, `round ${round}: symbols`);
      assert.deepEqual(reused.units, fresh.units, `round ${round}: units`);
    }
  });

  it('walks again only the statement an edit touched', () => {
    const statements = Array.from({ length: 5000 }, (_, i) => `export const q${i} = () => db.from('t').select('*')`);
    const before = statements.join('\n') + '\n';
    const after = before.replace('export const q2500 = () =>', 'export const q2500 = () => /* typed */');
    let walked = 0;
    const counting: LineMap = new LineMap(after);
    const lineText = counting.lineText.bind(counting);
    counting.lineText = (line: number) => (walked++, lineText(line));
    const wanted = Array.from({ length: 5000 }, (_, i) => i + 1);
    const previous = outlineLines('src/q.ts', before, new LineMap(before), wanted, true);
    const line = 2501;
    const reused = outlineAfterEdit('src/q.ts', counting, wanted, previous, { firstChanged: line, sameFrom: line + 1 });
    assert.equal(reused?.symbols[line], '');
    assert.deepEqual(reused?.unitOf(line), { line, endLine: line });
    assert.ok(walked <= 4, `${walked} lines read`);
  });

  it('leaves SQL and TOML files to the whole walk', () => {
    const sql = 'create table a (id int);\ncreate table b (id int);\n';
    const previous = outlineLines('m.sql', sql, new LineMap(sql), [1, 2], true);
    const edit = { firstChanged: 2, sameFrom: 3 };
    assert.equal(outlineAfterEdit('m.sql', new LineMap(sql), [1, 2], previous, edit), undefined);
  });
});
