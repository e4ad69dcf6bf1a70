create table public.docs (id bigint primary key, owner uuid);
alter table public.docs enable row level security;

-- ruleid: supabase/policy-true-write
create policy "anyone edits" on public.docs for update to anon using (true);

-- No TO clause means every role (public).
-- ruleid: supabase/policy-true-write
create policy "open inserts" on public.docs for insert with check (true);

-- FOR ALL with only USING: WITH CHECK defaults to it.
-- ruleid: supabase/policy-true-write
create policy "members write" on public.docs as permissive for all to authenticated using (1 = 1);

-- ruleid: supabase/policy-true-write
CREATE POLICY "Enable delete for users" ON "public"."docs" FOR DELETE TO "anon", "authenticated" USING (
  (owner = auth.uid()) OR true
);

-- ok: supabase/policy-true-write
create policy "Service role manages docs" on public.docs for all to service_role using (true) with check (true);

-- ok: supabase/policy-true-write
create policy "owner writes" on public.docs for update to authenticated
  using ((select auth.uid()) = owner) with check ((select auth.uid()) = owner);

-- Restrictive policies only narrow access.
-- ok: supabase/policy-true-write
create policy "restrict" on public.docs as restrictive for all to authenticated using (true);

-- Reads belong to supabase/policy-true-read.
-- ok: supabase/policy-true-write
create policy "read all" on public.docs for select to anon using (true);

-- Dropped in the next migration.
-- ok: supabase/policy-true-write
create policy "temporary open" on public.docs for delete to anon using (true);

-- Not exposed through the Data API.
create table private.jobs (id int);
alter table private.jobs enable row level security;
-- ok: supabase/policy-true-write
create policy "jobs" on private.jobs for all to authenticated using (true);

-- Storage objects are reachable through the Storage API.
-- ruleid: supabase/policy-true-write
create policy "Anyone uploads" on storage.objects for insert to public with check (true);
