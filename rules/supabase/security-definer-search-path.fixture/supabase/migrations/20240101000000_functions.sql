-- ruleid: supabase/security-definer-search-path
create function public.user_emails() returns setof text
language sql security definer as $$ select email from auth.users $$;

-- ok: supabase/security-definer-search-path
create or replace function public.handle_new_user() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  insert into public.profiles (id) values (new.id);
  return new;
end;
$$;

-- Runs with the caller's rights; the words in the body are just text.
-- ok: supabase/security-definer-search-path
create function public.search(q text) returns setof text language sql as $$ select 'security definer' $$;

-- Options may follow the body; private schema functions are still checked.
-- ruleid: supabase/security-definer-search-path
CREATE OR REPLACE FUNCTION private.is_admin() RETURNS boolean AS $fn$ SELECT true $fn$ LANGUAGE sql SECURITY DEFINER;

-- Pinned by an ALTER in the next migration.
-- ok: supabase/security-definer-search-path
create function public.count_members(team uuid) returns int language sql security definer as $$ select 1 $$;

-- Replaced in the next migration with a pinned search_path.
-- ok: supabase/security-definer-search-path
create function public.replaced_later() returns int language sql security definer as 'select 1';
