-- A copy of the schema kept at the repository root for manual setup is read as well.
-- ruleid: supabase/security-definer-search-path
create function public.on_signup() returns trigger as $$
begin
  insert into public.profiles (id) values (new.id);
  return new;
end;
$$ language plpgsql security definer;
