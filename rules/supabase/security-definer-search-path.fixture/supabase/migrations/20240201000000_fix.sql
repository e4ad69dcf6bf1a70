alter function public.count_members(uuid) set search_path = public, pg_temp;

create or replace function public.replaced_later() returns int
  language sql security definer set search_path = '' as 'select 1';

-- Made SECURITY DEFINER here, without a search_path.
-- ruleid: supabase/security-definer-search-path
alter function public.search(text) security definer;
