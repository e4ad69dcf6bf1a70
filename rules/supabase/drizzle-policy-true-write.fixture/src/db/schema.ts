import { sql } from 'drizzle-orm';
import { pgPolicy, pgTable, text, uuid } from 'drizzle-orm/pg-core';

export const ledgerEntry = pgTable('ledger_entry', {
  id: uuid('id').primaryKey().defaultRandom(),
  teamId: uuid('team_id').notNull(),
  memo: text('memo'),
}, (t) => [
  // ok: supabase/drizzle-policy-true-write
  pgPolicy('team members read entries', {
    as: 'permissive',
    for: 'select',
    to: ['authenticated'],
    using: sql`${t.teamId} in (select private.teams_of_caller())`,
  }),
  // ruleid: supabase/drizzle-policy-true-write
  pgPolicy('anyone signed in may add entries', {
    as: 'permissive',
    for: 'insert',
    to: ['authenticated'],
    withCheck: sql`true`,
  }),
  // ruleid: supabase/drizzle-policy-true-write
  pgPolicy('anyone signed in may edit entries', { for: 'update', to: ['authenticated'], using: sql`true` }),
  // ok: supabase/drizzle-policy-true-write
  pgPolicy('the backend writes freely', { for: 'all', to: ['service_role'], using: sql`true` }),
  // ok: supabase/drizzle-policy-true-write
  pgPolicy('members delete their team entries', {
    for: 'delete',
    to: ['authenticated'],
    using: sql`${t.teamId} in (select private.teams_of_caller())`,
  }),
]);

export const workspaces = pgTable('workspaces', {
  id: uuid('id').primaryKey().defaultRandom(),
  title: text('title'),
}, () => [
  // Signing up creates a workspace: a new tenant row opens nothing of anyone else's.
  // ok: supabase/drizzle-policy-true-write
  pgPolicy('signed-in users create workspaces', { for: 'insert', to: ['authenticated'], withCheck: sql`true` }),
  // Editing any workspace is another matter.
  // ruleid: supabase/drizzle-policy-true-write
  pgPolicy('signed-in users edit workspaces', { for: 'update', to: ['authenticated'], using: sql`true` }),
  // Visitors who are not signed in should not create tenants.
  // ruleid: supabase/drizzle-policy-true-write
  pgPolicy('visitors create workspaces', { for: 'insert', to: ['anon'], withCheck: sql`true` }),
]);
