drop policy "replaced" on public.shared_links;
-- ok: supabase/policy-true-read
create policy "replaced" on public.shared_links for select to anon using (created_by is not null and false);
