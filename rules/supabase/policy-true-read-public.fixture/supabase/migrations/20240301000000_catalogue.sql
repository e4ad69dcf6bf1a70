create table public.plans (id text primary key, title text not null, monthly_cents integer);
alter table public.plans enable row level security;

create table public.saved_carts (id uuid primary key, user_id uuid references auth.users, items jsonb);
alter table public.saved_carts enable row level security;

-- The plan catalogue is shown on the pricing page to everyone.
-- ruleid: supabase/policy-true-read-public
-- ok: supabase/policy-true-read
create policy "plans are public" on public.plans for select using (true);

-- Rows belong to users: this stays a warning.
-- ok: supabase/policy-true-read-public
-- ruleid: supabase/policy-true-read
create policy "carts readable" on public.saved_carts for select to anon using (true);

-- A table the migrations never create: nothing is known about its rows.
-- ok: supabase/policy-true-read-public
-- ruleid: supabase/policy-true-read
create policy "legacy" on public.imported_rows for select using (true);
