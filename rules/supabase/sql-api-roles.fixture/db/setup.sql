-- ok: supabase/sql-api-roles
grant select on posts to anon;
