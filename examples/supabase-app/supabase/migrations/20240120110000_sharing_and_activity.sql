-- Read-only share links for notes, an activity log, and two helper functions.

create table public.shared_links (
  token text primary key default encode(extensions.gen_random_bytes(18), 'hex'),
  note_id uuid not null references public.notes (id) on delete cascade,
  created_by uuid not null default auth.uid() references auth.users (id) on delete cascade,
  expires_at timestamptz,
  created_at timestamptz not null default now()
);

alter table public.shared_links enable row level security;

-- Share links must open for visitors who are not signed in.
create policy "Anyone can read share links" on public.shared_links for select to anon, authenticated using (true);

create policy "Owners create share links"
  on public.shared_links for insert
  to authenticated
  with check ((select auth.uid()) = created_by);

-- Edge Functions clean up expired links.
create policy "Service role manages share links" on public.shared_links for all to service_role using (true) with check (true);

-- Audit trail written by Edge Functions and read on the admin screen.
create table public.activity_log (
  id bigint generated always as identity primary key,
  actor uuid references auth.users (id) on delete set null,
  action text not null,
  subject_id uuid,
  details jsonb not null default '{}'::jsonb,
  created_at timestamptz not null default now()
);

-- Member counts for the team switcher, without exposing who the members are.
create function public.team_member_count(p_team_id uuid)
returns integer
language sql
stable
security definer
as $$
  select count(*)::integer from public.team_members where team_id = p_team_id;
$$;

-- Full-text search over the caller's notes; runs with the caller's rights.
create function public.search_notes(query text)
returns setof public.notes
language sql
stable
set search_path = ''
as $$
  select *
  from public.notes
  where to_tsvector('english', title || ' ' || body) @@ websearch_to_tsquery('english', query)
  order by updated_at desc
  limit 50;
$$;
