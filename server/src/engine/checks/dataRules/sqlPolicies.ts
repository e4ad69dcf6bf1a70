// Judgements on Supabase policies that need the table behind them: does the table hold rows per user
// (an owner column), is a clause nothing more than "signed in", and does a storage.objects policy
// ever look at who owns the file. Used by supabaseMigrations.ts.

import { isWord, SqlToken } from './sqlLex';
import { splitTopLevel, stripParens } from './sqlCursor';
import type { TableInfo } from './sqlSchema';

/** Columns that tie a row to one user. */
const OWNER_COLUMN = /^(user_?id|owner(_?id)?|author_?id|created_?by|profile_?id|account_?id|customer_?id|member_?id|uid|user|email)$/i;
/** Table names that say the rows are personal or business-private, whatever the columns. */
const PRIVATE_TABLE = /user|profile|account|member|customer|order|payment|invoice|billing|message|chat|private|secret|token|key|credential|admin|log|email|contact|address|phone|transaction|wallet|subscription|session|document|file/i;

/** The column that says whose row it is, when the table is known and has one. */
export function ownerColumn(table: TableInfo | undefined): string | undefined {
  return table?.columns?.find((c) => OWNER_COLUMN.test(c));
}

/**
 * A table created in the migrations, with its columns known, that has no owner column and no
 * private-sounding name: a catalogue or lookup table, where a public read is the design.
 */
export function isReferenceTable(table: TableInfo | undefined): boolean {
  return !!table?.columns && table.columns.length > 0 && !ownerColumn(table) && !PRIVATE_TABLE.test(table.name);
}

/** `auth.uid() is not null`, `auth.role() = 'authenticated'`, and `and`s of such tests. */
export function onlySignedIn(tokens: SqlToken[] | undefined): boolean {
  if (!tokens || tokens.length === 0) return false;
  const parts = splitTopLevel(stripParens(tokens).map((t) => (isWord(t, 'and') ? { ...t, kind: 'punct' as const, value: '|and|' } : t)), '|and|');
  return parts.length > 0 && parts.every((p) => isSignInTest(stripParens(p)));
}

function isSignInTest(t: SqlToken[]): boolean {
  const text = t.map((x) => (x.kind === 'string' ? `'${x.value}'` : x.value)).join(' ').replace(/\(\s*select\s+(auth\s*\.\s*\w+\s*\(\s*\))\s*\)/g, '$1');
  const call = String.raw`auth \. (?:uid|jwt) \( \)`;
  return new RegExp(`^${call} is not null$`).test(text) || /^auth \. role \( \) = 'authenticated'$/.test(text) || /^'authenticated' = auth \. role \( \)$/.test(text);
}

/** Words in a storage policy that tie a file to its owner or the caller's folder. */
const OWNER_WORDS = /^(owner|owner_id|foldername|uid|jwt|role)$/;

/** Does a storage.objects clause say anything about who may touch the file, beyond the bucket? */
export function checksStorageOwner(tokens: SqlToken[] | undefined): boolean {
  return !!tokens && tokens.some((t) => (t.kind === 'word' || t.kind === 'ident') && OWNER_WORDS.test(t.value));
}
