create table public.notes (
  id bigint generated always as identity primary key,
  owner_id uuid not null references auth.users,
  body text,
  constraint body_size check (length(body) < 10000)
);
alter table public.notes enable row level security;

create table public.announcements (id bigint primary key, body text);
alter table public.announcements add column author_id uuid;
alter table public.announcements enable row level security;

create table public.regions (code text primary key, label text);

-- ruleid: supabase/policy-auth-only
create policy "signed in can read notes" on public.notes for select using (auth.uid() is not null);

-- ruleid: supabase/policy-auth-only
create policy "signed in can edit notes" on public.notes for update to authenticated using (auth.role() = 'authenticated');

-- A column added later counts too.
-- ruleid: supabase/policy-auth-only
create policy "members post" on public.announcements for insert with check ((select auth.uid()) is not null);

-- ok: supabase/policy-auth-only
create policy "owners read notes" on public.notes for select using ((select auth.uid()) = owner_id);

-- No owner column: every signed-in user reading the region list is the design.
-- ok: supabase/policy-auth-only
create policy "regions for members" on public.regions for select using (auth.uid() is not null);
