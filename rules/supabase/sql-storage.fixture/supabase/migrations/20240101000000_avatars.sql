-- ruleid: supabase/sql-storage
insert into storage.buckets (id, name, public) values ('avatars', 'avatars', false);

-- ruleid: supabase/sql-storage
create policy "users upload own avatar" on storage.objects for insert to authenticated
  -- ruleid: supabase/sql-storage
  with check (bucket_id = 'avatars' and (storage.foldername(name))[1] = (select auth.uid()::text));

-- ok: supabase/sql-storage
create table public.storage_quota (owner uuid primary key, bytes bigint);
-- ok: supabase/sql-storage
-- files live in storage.objects, see the policy above
-- ok: supabase/sql-storage
comment on table public.storage_quota is 'per-user quota';
