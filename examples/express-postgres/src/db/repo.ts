import type { Pool, QueryResultRow } from 'pg';

// A small table helper over pg with parameterised queries. Its from(table)
// shape kept the call sites unchanged when the app moved to its own Postgres.

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

function ident(name: string): string {
  if (!IDENTIFIER.test(name)) throw new Error(`Invalid SQL identifier: ${name}`);
  return `"${name}"`;
}

function whereClause(where: Record<string, unknown>, offset = 0): { sql: string; values: unknown[] } {
  const keys = Object.keys(where);
  if (keys.length === 0) return { sql: '', values: [] };
  const sql = ' where ' + keys.map((key, i) => `${ident(key)} = $${i + 1 + offset}`).join(' and ');
  return { sql, values: keys.map((key) => where[key]) };
}

export interface SelectOptions {
  orderBy?: string;
  descending?: boolean;
  limit?: number;
}

export interface TableRepo<T extends QueryResultRow> {
  select(where?: Partial<T>, options?: SelectOptions): Promise<T[]>;
  insert(row: Partial<T>): Promise<T>;
  update(where: Partial<T>, patch: Partial<T>): Promise<T[]>;
  delete(where: Partial<T>): Promise<number>;
}

export function makeRepo(pool: Pool) {
  return {
    from<T extends QueryResultRow>(table: string): TableRepo<T> {
      const t = ident(table);
      return {
        async select(where = {}, options = {}) {
          const w = whereClause(where);
          const order = options.orderBy ? ` order by ${ident(options.orderBy)} ${options.descending ? 'desc' : 'asc'}` : '';
          const limit = options.limit ? ` limit ${Math.min(Math.max(1, Math.floor(options.limit)), 500)}` : '';
          const { rows } = await pool.query<T>(`select * from ${t}${w.sql}${order}${limit}`, w.values);
          return rows;
        },
        async insert(row) {
          const keys = Object.keys(row);
          const placeholders = keys.map((_, i) => `$${i + 1}`).join(', ');
          const { rows } = await pool.query<T>(
            `insert into ${t} (${keys.map(ident).join(', ')}) values (${placeholders}) returning *`,
            keys.map((key) => (row as Record<string, unknown>)[key]),
          );
          return rows[0];
        },
        async update(where, patch) {
          const keys = Object.keys(patch);
          if (keys.length === 0) throw new Error('update() needs at least one column');
          const set = keys.map((key, i) => `${ident(key)} = $${i + 1}`).join(', ');
          const w = whereClause(where, keys.length);
          const values = [...keys.map((key) => (patch as Record<string, unknown>)[key]), ...w.values];
          const { rows } = await pool.query<T>(`update ${t} set ${set}${w.sql} returning *`, values);
          return rows;
        },
        async delete(where) {
          const w = whereClause(where);
          if (!w.sql) throw new Error('delete() without a filter is not allowed');
          const result = await pool.query(`delete from ${t}${w.sql}`, w.values);
          return result.rowCount ?? 0;
        },
      };
    },
  };
}

/** @deprecated Old entry point, kept so stale imports fail loudly. */
export function legacyClient(): never {
  throw new Error('createClient() was removed: build a repo with makeRepo(pool) instead');
}
