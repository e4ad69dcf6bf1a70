// One pass for many literal words (util/literalScan.ts): the same answers as a regex per word, with
// identifier bounds meaning what `\b` means, whatever pair of characters anchors each word.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Literal, LiteralScan } from '../../server/src/engine/util/literalScan';
import { escapeRegExp } from '../../server/src/engine/util/regexp';

const WORDS: Literal[] = [
  { text: 'sk-' }, { text: 'sk-ant-' }, { text: 'sk_live_' }, { text: 'supabase' }, { text: '@supabase/' }, { text: 'Q~' }, { text: ':A' },
  { text: 'Deno', start: true, end: true }, { text: 'Den' }, { text: 'a.b' }, { text: '(x)' }, { text: 'SUPABASE_', start: true },
  { text: '$el', start: true, end: true }, { text: 'é~ü' }, { text: 'Cred_Ex', caseInsensitive: true }, { text: 'deno.serve', caseInsensitive: true, start: true },
];

/** The answer of one regex per word: `\b` on a side that asks for a bound and holds a word character. */
function expected(text: string): string[] {
  return WORDS.filter((w) => {
    const before = w.start && /^\w/.test(w.text) ? '\\b' : '';
    const after = w.end && /\w$/.test(w.text) ? '\\b' : '';
    return new RegExp(`${before}${escapeRegExp(w.text)}${after}`, w.caseInsensitive ? 'i' : '').test(text);
  }).map((w) => w.text);
}

/** Texts from pieces of the words and noise, so that near misses are common. */
function texts(): string[] {
  const pieces = [...WORDS.map((w) => w.text), 's', 'k', '-', 'ant', 'a', 'b', '.', 'x', '(', ')', ' ', 'De', 'no', 'upa', '_', 'X', '$', 'ĕ', '~', 'Q', 'cred_ex', 'CRED_EX', 'CrEd', '_eX', 'Deno.Serve', 'DENO.SERVE', 'ſerve'];
  let seed = 7;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  return Array.from({ length: 5000 }, () => Array.from({ length: 1 + Math.floor(next() * 7) }, () => pieces[Math.floor(next() * pieces.length)]).join(''));
}

describe('LiteralScan', () => {
  const scan = new LiteralScan(WORDS);

  it('finds exactly the words a regex per word finds', () => {
    for (const text of texts()) assert.deepEqual([...scan.find(text)].map((w) => w.text).sort(), expected(text).sort(), JSON.stringify(text));
  });

  it('respects bounds only beside word characters, and at the ends of the text', () => {
    const found = (text: string) => [...scan.find(text)].map((w) => w.text).sort();
    assert.deepEqual(found('Denotes'), ['Den']);
    assert.deepEqual(found('Deno.env'), ['Den', 'Deno']);
    assert.deepEqual(found('x$el'), ['$el']); // `$` is no word character: nothing to bound
    assert.deepEqual(found('MY_SUPABASE_URL'), []);
    assert.deepEqual(found('SUPABASE_URL'), ['SUPABASE_']);
    assert.deepEqual(found(''), []);
    assert.deepEqual(found('xCRED_ex'), ['Cred_Ex']);
    assert.deepEqual(found('myDeno.Serve'), ['Den']); // `deno.serve` is bounded: not the tail of a name
  });

  it('refuses a word of one character (it has no pair to anchor on)', () => {
    assert.throws(() => new LiteralScan([{ text: 'q' }]), /two characters/);
  });
});
