// Storage buckets created or changed by migrations: `insert into storage.buckets (…) values (…)`,
// `update storage.buckets set public = … where id = …` and `delete from storage.buckets where …`.

import { Cursor, isTrue, qualified } from './sqlCursor';
import { isSym, isWord } from './sqlLex';
import type { BucketInfo } from './sqlSchema';


/** `insert into storage.buckets (id, name, public) values ('a', 'a', true), …` */
export function readBucketInsert(c: Cursor, buckets: Map<string, BucketInfo>, file: string): void {
  const table = c.qname();
  if (!table || qualified(table) !== 'storage.buckets') return;
  const columns = c.commaList(c.parens() ?? []).map((col) => col[0]?.value ?? '');
  if (!c.accept('values')) return;
  const publicAt = columns.indexOf('public');
  const idAt = columns.indexOf('id') >= 0 ? columns.indexOf('id') : columns.indexOf('name');
  while (isSym(c.tok, '(')) {
    const open = c.tok!;
    const values = c.commaList(c.parens() ?? []);
    const close = c.tokens[c.i - 1];
    const id = values[idAt]?.[0];
    if (id?.kind === 'string') {
      buckets.set(id.value, { id: id.value, isPublic: publicAt >= 0 && isTrue(values[publicAt]), file, start: open.start, end: close.end });
    }
    if (!c.acceptSym(',')) break;
  }
}

/** `update storage.buckets set public = true where id = 'a'` */
export function readBucketUpdate(c: Cursor, buckets: Map<string, BucketInfo>, file: string, start: number): void {
  const table = c.qname();
  if (!table || qualified(table) !== 'storage.buckets' || !c.accept('set')) return;
  const whereAt = c.tokens.findIndex((t, k) => k >= c.i && isWord(t, 'where'));
  const assignments = c.commaList(c.tokens.slice(c.i, whereAt < 0 ? undefined : whereAt));
  const publicSet = assignments.find((a) => isWord(a[0], 'public') && isSym(a[1], '='));
  if (!publicSet || whereAt < 0) return;
  c.i = whereAt;
  for (const id of whereIds(c)) {
    buckets.set(id, { id, isPublic: isTrue(publicSet.slice(2)), file, start, end: table.end });
  }
}

/** Bucket ids named by `where id = 'x'`, `where name = 'x'` or `where id in ('x', 'y')`. */
export function whereIds(c: Cursor): string[] {
  const rest = c.tokens.slice(c.i);
  const at = rest.findIndex((t, k) => isWord(t, 'id', 'name') && isWord(rest[k - 1], 'where', 'and'));
  if (at < 0) return [];
  if (isSym(rest[at + 1], '=') && rest[at + 2]?.kind === 'string') return [rest[at + 2].value];
  if (!isWord(rest[at + 1], 'in')) return [];
  const list = new Cursor(rest, at + 2).parens() ?? [];
  return list.filter((t) => t.kind === 'string').map((t) => t.value);
}
