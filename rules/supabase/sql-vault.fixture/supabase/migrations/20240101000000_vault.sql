-- ruleid: supabase/sql-vault
select vault.create_secret('https://hooks.example.org/abc', 'slack_webhook');

create function private.slack_webhook() returns text language sql security definer set search_path = '' as $$
  -- ruleid: supabase/sql-vault
  select decrypted_secret from vault.decrypted_secrets where name = 'slack_webhook';
$$;

-- ok: supabase/sql-vault
create table public.vault_items (id bigint primary key, label text);
-- ok: supabase/sql-vault
-- secrets are read from vault.decrypted_secrets
-- ok: supabase/sql-vault
select 1;
