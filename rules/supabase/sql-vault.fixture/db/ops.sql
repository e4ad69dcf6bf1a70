-- ok: supabase/sql-vault
select vault.create_secret('x', 'y');
