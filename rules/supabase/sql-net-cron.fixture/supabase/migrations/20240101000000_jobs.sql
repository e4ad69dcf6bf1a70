-- ruleid: supabase/sql-net-cron
create extension if not exists pg_net with schema extensions;
-- ruleid: supabase/sql-net-cron
create extension if not exists pg_cron;

-- ruleid: supabase/sql-net-cron
select cron.schedule('nightly-digest', '0 3 * * *', $$
  -- ruleid: supabase/sql-net-cron
  select net.http_post(url := 'https://example.supabase.co/functions/v1/digest', body := '{}'::jsonb);
$$);

create trigger notify_order_created after insert on public.orders
  -- ruleid: supabase/sql-net-cron
  for each row execute function supabase_functions.http_request('https://example.org/hook', 'POST', '{}', '{}', '1000');

-- ok: supabase/sql-net-cron
create extension if not exists pgcrypto;
-- ok: supabase/sql-net-cron
-- net.http_post could be used here later
-- ok: supabase/sql-net-cron
create table public.cron_runs (id bigint primary key, ran_at timestamptz);
