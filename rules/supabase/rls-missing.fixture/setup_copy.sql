-- A loose setup script: it may hold only part of the schema, so RLS is not asked of it.
-- ok: supabase/rls-missing
create table public.notes_copy (id uuid primary key, body text);
