-- A SQL file outside supabase/ is not a Supabase migration.
-- ok: supabase/sql-auth-functions
select * from notes where owner_id = auth.uid();
