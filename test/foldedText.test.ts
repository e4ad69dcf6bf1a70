// Edits folded into a document's text when it is read (server/src/lsp/foldedText.ts) give the text
// the stock document gives when it applies each edit at once: random edits, line breaks of all
// three kinds, positions past the end of a line or of the text, reversed ranges, whole-text changes.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument, TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import { applyChanges, foldedDocuments } from '../server/src/lsp/foldedText';

/** A small deterministic generator (the same edits on every run). */
function random(seed: number): () => number {
  return () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
}

const pieces = ['', 'a', 'supabase.from("x")', '\n', '\r\n', '\r', 'x\ny', '  ', 'é🙂', '\n\n\n'];

function randomChange(next: () => number, lineCount: number): TextDocumentContentChangeEvent {
  const position = () => ({ line: Math.floor(next() * (lineCount + 2)) - (next() < 0.05 ? 1 : 0), character: Math.floor(next() * 30) });
  if (next() < 0.02) return { text: pieces[Math.floor(next() * pieces.length)].repeat(3) };
  return { range: { start: position(), end: position() }, text: pieces[Math.floor(next() * pieces.length)] };
}

describe('edits folded when the text is read', () => {
  // The reference is the stock document made afresh from the text before each edit: its own line
  // table, updated edit after edit, drifts after some edits next to lone CR line breaks (this test
  // found one where it then dropped a final line break).
  it('give the text the stock document gives for each edit on the text as it stands', () => {
    const next = random(7);
    for (let round = 0; round < 200; round++) {
      let stock = TextDocument.create('file:///a.ts', 'typescript', 1, 'import x from "y"\r\nconst a = 1\nconst b = 2\rend');
      const changes: TextDocumentContentChangeEvent[] = [];
      for (let k = 0; k < 40; k++) {
        const change = randomChange(next, stock.lineCount);
        changes.push(change);
        stock = TextDocument.update(TextDocument.create(stock.uri, stock.languageId, stock.version, stock.getText()), [change], k + 2);
      }
      assert.equal(applyChanges('import x from "y"\r\nconst a = 1\nconst b = 2\rend', changes), stock.getText(), `round ${round}`);
    }
  });

  it('keep the version of the last edit and answer positions on the latest text', () => {
    const document = foldedDocuments.create('file:///b.ts', 'typescript', 1, 'one\ntwo\n');
    foldedDocuments.update(document, [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 3 } }, text: 'TWO' }], 2);
    foldedDocuments.update(document, [{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, text: 'three\n' }], 3);
    assert.equal(document.version, 3);
    assert.equal(document.getText(), 'one\nTWO\nthree\n');
    assert.equal(document.lineCount, 4);
    assert.deepEqual(document.positionAt(document.getText().indexOf('three')), { line: 2, character: 0 });
    foldedDocuments.update(document, [{ text: 'whole' }, { range: { start: { line: 0, character: 5 }, end: { line: 0, character: 5 } }, text: '!' }], 4);
    assert.equal(document.getText(), 'whole!');
  });
});
