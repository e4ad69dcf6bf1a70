// Open documents whose edits are folded in only when the text is read. The stock document applies
// each incremental edit at once and rebuilds the whole string: 300 edits sent back to back to a
// 100 KB file made 300 copies of it (1.4 s on the loaded two-core machine, before any analysis).
// Here an edit is queued; the first read folds the queue into the lines the edits touch and joins
// them once. Only the latest text is analysed (openDocuments.ts), so most versions are never built.

import type { TextDocumentsConfiguration } from 'vscode-languageserver';
import { Position, Range, TextDocument, TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';

class FoldedDocument implements TextDocument {
  private pending: TextDocumentContentChangeEvent[] = [];
  private text: TextDocument;

  constructor(readonly uri: string, readonly languageId: string, public version: number, content: string) {
    this.text = TextDocument.create(uri, languageId, version, content);
  }

  get lineCount(): number {
    return this.current().lineCount;
  }

  getText(range?: Range): string {
    return this.current().getText(range);
  }

  positionAt(offset: number): Position {
    return this.current().positionAt(offset);
  }

  offsetAt(position: Position): number {
    return this.current().offsetAt(position);
  }

  getLineRange(line: number): Range {
    return this.current().getLineRange(line);
  }

  getEOLCharacters(line: number): string {
    return this.current().getEOLCharacters(line);
  }

  queue(changes: TextDocumentContentChangeEvent[], version: number): void {
    // A change of the whole text makes the edits queued before it moot.
    let whole = changes.length - 1;
    while (whole >= 0 && isIncremental(changes[whole])) whole--;
    if (whole >= 0) this.pending = [];
    this.pending.push(...changes.slice(Math.max(whole, 0)));
    this.version = version;
  }

  private current(): TextDocument {
    if (this.pending.length > 0) {
      this.text = TextDocument.create(this.uri, this.languageId, this.version, applyChanges(this.text.getText(), this.pending));
      this.pending = [];
    }
    return this.text;
  }
}

/** For `new TextDocuments(foldedDocuments)`. */
export const foldedDocuments: TextDocumentsConfiguration<TextDocument> = {
  create: (uri, languageId, version, content) => new FoldedDocument(uri, languageId, version, content),
  update: (document, changes, version) => {
    if (!(document instanceof FoldedDocument)) return TextDocument.update(document, changes, version);
    document.queue(changes, version);
    return document;
  },
};

/**
 * Applies LSP content changes in order, as the stock document does (positions past a line's end or
 * the text's end are clamped), on the text's lines: an edit costs what the lines it touches cost.
 */
export function applyChanges(text: string, changes: TextDocumentContentChangeEvent[]): string {
  let lines: string[] | undefined; // split only when an edit needs lines (a whole new text does not)
  for (const change of changes) {
    if (isIncremental(change)) lines = applyEdit(lines ?? splitLines(text), change);
    else [text, lines] = [change.text, undefined];
  }
  return lines ? lines.join('') : text;
}

/** One edit on the lines (changed in place, or replaced when that is cheaper); returns them. */
function applyEdit(lines: string[], change: { range: Range; text: string }): string[] {
  const [start, end] = ordered(change.range.start, change.range.end).map((p) => clamp(lines, p));
  const head = lines[start.line].slice(0, start.character);
  const tail = lines[end.line].slice(end.character);
  const replaced = splitLines(head + change.text + tail);
  if (end.line < lines.length - 1) replaced.pop(); // the empty line after the segment's last break is the next line
  if (replaced.length < 10_000) lines.splice(start.line, end.line - start.line + 1, ...replaced);
  else lines = [...lines.slice(0, start.line), ...replaced, ...lines.slice(end.line + 1)];
  // A lone CR before the edit and a LF at its start are one line break now.
  if (start.line > 0 && lines[start.line - 1].endsWith('\r') && lines[start.line].startsWith('\n')) return splitLines(lines.join(''));
  return lines;
}

function isIncremental(change: TextDocumentContentChangeEvent): change is { range: Range; text: string } {
  return 'range' in change && change.range !== undefined;
}

/** Lines with their line breaks; the last one (maybe empty) has none. */
function splitLines(text: string): string[] {
  const lines: string[] = [];
  const breaks = /\r\n|\r|\n/g;
  let from = 0;
  for (let m = breaks.exec(text); m; m = breaks.exec(text)) {
    lines.push(text.slice(from, m.index + m[0].length));
    from = breaks.lastIndex;
  }
  lines.push(text.slice(from));
  return lines;
}

function ordered(a: Position, b: Position): [Position, Position] {
  return a.line > b.line || (a.line === b.line && a.character > b.character) ? [b, a] : [a, b];
}

/** A position within the text: a line past the end is the end of the text; a character before the line break. */
function clamp(lines: string[], p: Position): Position {
  if (p.line < 0) return { line: 0, character: 0 };
  const line = Math.min(p.line, lines.length - 1);
  const content = lines[line].replace(/\r?\n$|\r$/, '').length;
  return { line, character: p.line >= lines.length ? content : Math.max(0, Math.min(p.character, content)) };
}
