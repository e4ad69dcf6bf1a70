create table public.shared_links (token text primary key, note_id uuid, created_by uuid);
alter table public.shared_links enable row level security;

-- ruleid: supabase/policy-true-read
create policy "Anyone can read share links" on public.shared_links for select to anon, authenticated using (true);

-- ruleid: supabase/policy-true-read
create policy "everyone" on public.shared_links for select using ((true));

-- ok: supabase/policy-true-read
create policy "owners read" on public.shared_links for select to authenticated using ((select auth.uid()) = created_by);

-- ok: supabase/policy-true-read
create policy "service reads" on public.shared_links for select to service_role using (true);

-- Writes belong to supabase/policy-true-write.
-- ok: supabase/policy-true-read
create policy "anyone writes" on public.shared_links for insert to anon with check (true);

-- ok: supabase/policy-true-read
create policy "replaced" on public.shared_links for select to anon using (true);
