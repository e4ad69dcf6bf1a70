import { sql } from 'drizzle-orm';
import { pgPolicy, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { authenticatedRole } from 'drizzle-orm/supabase';

// ruleid: supabase/drizzle-rls-missing
export const journal = pgTable('journal', {
  id: uuid('id').primaryKey().defaultRandom(),
  ownerId: uuid('owner_id').notNull(),
  body: text('body'),
});

// ok: supabase/drizzle-rls-missing
export const bookmark = pgTable('bookmark', {
  id: uuid('id').primaryKey().defaultRandom(),
  ownerId: uuid('owner_id').notNull(),
}).enableRLS();

// ok: supabase/drizzle-rls-missing
export const reminder = pgTable('reminder', {
  id: uuid('id').primaryKey().defaultRandom(),
  ownerId: uuid('owner_id').notNull(),
  at: timestamp('at'),
}, (t) => [
  pgPolicy('owners read their reminders', { for: 'select', to: authenticatedRole, using: sql`${t.ownerId} = auth.uid()` }),
]);

// RLS for this one is switched on in a hand-written SQL migration.
// ok: supabase/drizzle-rls-missing
export const deviceToken = pgTable('device_token', {
  id: uuid('id').primaryKey().defaultRandom(),
  token: text('token').notNull(),
});

// A placeholder table of ids and timestamps: nothing in it to read or corrupt.
// ok: supabase/drizzle-rls-missing
export const pingMarker = pgTable('ping_marker', {
  id: uuid('id').primaryKey().defaultRandom(),
  createdAt: timestamp('created_at').defaultNow(),
});

// One real column is enough.
// ruleid: supabase/drizzle-rls-missing
export const pingNote = pgTable('ping_note', {
  id: uuid('id').primaryKey().defaultRandom(),
  createdAt: timestamp('created_at').defaultNow(),
  note: text('note'),
});
