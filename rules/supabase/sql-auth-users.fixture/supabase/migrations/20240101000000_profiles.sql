create table public.profiles (
  -- ruleid: supabase/sql-auth-users
  id uuid primary key references auth.users (id) on delete cascade,
  display_name text
);

create function public.handle_new_user() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  insert into public.profiles (id, display_name) values (new.id, new.raw_user_meta_data ->> 'name');
  return new;
end;
$$;

create trigger on_auth_user_created
  -- ruleid: supabase/sql-auth-users
  after insert on auth.users
  for each row execute procedure public.handle_new_user();

-- ok: supabase/sql-auth-users
create table public.users_archive (id uuid primary key, users_count int);
-- ok: supabase/sql-auth-users
-- profiles.id references auth.users (see above)
-- ok: supabase/sql-auth-users
create table public.auth_users_log (id uuid references public.profiles (id));
