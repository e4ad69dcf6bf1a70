create table public.notes (
  id bigint generated always as identity primary key,
  owner_id uuid not null,
  body text
);
alter table public.notes enable row level security;

create policy "owners read notes" on public.notes for select to authenticated
  -- ruleid: supabase/sql-auth-functions
  using ((select auth.uid()) = owner_id);

create policy "admins delete notes" on public.notes for delete
  -- ruleid: supabase/sql-auth-functions
  using ((auth.jwt() -> 'app_metadata' ->> 'role') = 'admin');

-- ok: supabase/sql-auth-functions
-- policies used to call auth.uid() directly; now wrapped in a select
-- ok: supabase/sql-auth-functions
create index notes_owner_idx on public.notes (owner_id);
