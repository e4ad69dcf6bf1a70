insert into storage.buckets (id, name, public)
values
  -- ruleid: supabase/public-bucket
  ('invoices', 'invoices', true),
  -- Public assets are the point of a public bucket.
  -- ok: supabase/public-bucket
  ('avatars', 'avatars', true),
  -- ok: supabase/public-bucket
  ('contracts', 'contracts', false)
on conflict (id) do nothing;

-- ruleid: supabase/public-bucket
insert into storage.buckets (id, name, public, file_size_limit) values ('user-documents', 'user-documents', 'true', 1048576);

-- ok: supabase/public-bucket
insert into storage.buckets (id, name) values ('exports', 'exports');

-- Made private again in the next migration.
-- ok: supabase/public-bucket
insert into storage.buckets (id, name, public) values ('reports', 'reports', true);

-- Another table that happens to have a public column.
-- ok: supabase/public-bucket
insert into public.buckets (id, name, public) values ('letters', 'letters', true);
