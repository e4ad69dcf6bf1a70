// Word sets as trie-shaped regexes (util/trie.ts): the same answers as a flat alternation.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { escapeRegExp, trieSource } from '../../server/src/engine/util/trie';

const WORDS = ['sk-', 'sk-ant-', 'sk_live_', 'supabase', '@supabase/', 'Deno', 'Den', 'a.b', '(x)', 'q'];

/** Texts from pieces of the words and noise, so that near misses are common. */
function texts(): string[] {
  const pieces = [...WORDS, 's', 'k', '-', 'ant', 'a', 'b', '.', 'x', '(', ')', ' ', 'De', 'no', 'upa'];
  let seed = 7;
  const next = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  return Array.from({ length: 2000 }, () => Array.from({ length: 1 + Math.floor(next() * 6) }, () => pieces[Math.floor(next() * pieces.length)]).join(''));
}

describe('trie-shaped word regexes', () => {
  it('match exactly where a flat alternation of the words does', () => {
    const flat = new RegExp(WORDS.map(escapeRegExp).join('|'));
    const trie = new RegExp(trieSource(WORDS));
    for (const text of texts()) assert.equal(trie.test(text), flat.test(text), text);
  });

  it('with `shortest`, name the shortest word starting at each match', () => {
    const trie = new RegExp(trieSource(WORDS, { shortest: true }), 'g');
    assert.deepEqual([...'x sk-ant-1 Deno a.b (x)'.matchAll(trie)].map((m) => m[0]), ['sk-', 'Den', 'a.b', '(x)']);
  });
});
