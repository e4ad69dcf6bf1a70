alter table public.teams enable row level security;
drop table if exists public.staging_rows;
alter table public.old_name rename to new_name;
alter table if exists public.new_name enable row level security, force row level security;
alter table public.settings disable row level security;
/* alter table public.notes enable row level security; -- a comment, not a statement */
