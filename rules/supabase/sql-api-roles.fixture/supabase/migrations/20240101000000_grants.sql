create table public.posts (id bigint primary key, author uuid, title text);
alter table public.posts enable row level security;

-- ruleid: supabase/sql-api-roles
create policy "signed-in users read posts" on public.posts for select to authenticated using (true);
-- ruleid: supabase/sql-api-roles
grant select on public.posts to anon, authenticated;
-- ruleid: supabase/sql-api-roles
revoke execute on function public.rebuild_search() from public, anon;
-- ruleid: supabase/sql-api-roles
grant all on table public.posts to service_role;

-- ok: supabase/sql-api-roles
grant select on public.posts to reporting_reader;
-- ok: supabase/sql-api-roles
-- grant select on public.posts to anon;
-- ok: supabase/sql-api-roles
create table public.anonymous_feedback (id bigint primary key, body text);
