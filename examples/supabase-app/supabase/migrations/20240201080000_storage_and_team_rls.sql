-- Protect the team tables created in 20240112093000, and set up storage.

alter table public.teams enable row level security;
alter table public.team_members enable row level security;

create policy "Members see their memberships"
  on public.team_members for select
  to authenticated
  using (user_id = (select auth.uid()));

create policy "Creators join their team as owner"
  on public.team_members for insert
  to authenticated
  with check (
    user_id = (select auth.uid())
    and role = 'owner'
    and exists (select 1 from public.teams t where t.id = team_id and t.created_by = (select auth.uid()))
  );

create policy "Members see their teams"
  on public.teams for select
  to authenticated
  using (
    created_by = (select auth.uid())
    or exists (select 1 from public.team_members m where m.team_id = id and m.user_id = (select auth.uid()))
  );

create policy "Users create teams"
  on public.teams for insert
  to authenticated
  with check (created_by = (select auth.uid()));

-- Avatars are public images; note attachments stay private.
insert into storage.buckets (id, name, public)
values
  ('avatars', 'avatars', true),
  ('note-files', 'note-files', false)
on conflict (id) do nothing;

create policy "Users upload their own avatar"
  on storage.objects for insert
  to authenticated
  with check (bucket_id = 'avatars' and (storage.foldername(name))[1] = (select auth.uid())::text);

create policy "Users replace their own avatar"
  on storage.objects for update
  to authenticated
  using (bucket_id = 'avatars' and (storage.foldername(name))[1] = (select auth.uid())::text);

create policy "Users manage their own attachments"
  on storage.objects for all
  to authenticated
  using (bucket_id = 'note-files' and (storage.foldername(name))[1] = (select auth.uid())::text)
  with check (bucket_id = 'note-files' and (storage.foldername(name))[1] = (select auth.uid())::text);
