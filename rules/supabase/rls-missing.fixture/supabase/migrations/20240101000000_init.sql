-- Tables created by migrations do not get row level security automatically.

-- ruleid: supabase/rls-missing
create table public.notes (id bigint primary key, owner uuid, body text);

-- Unqualified names land in public.
-- ruleid: supabase/rls-missing
CREATE TABLE IF NOT EXISTS invoices (
  id bigint primary key,
  memo text default 'alter table invoices enable row level security;'
);

-- Listed under [api] schemas in config.toml, so exposed too.
-- ruleid: supabase/rls-missing
create table "api"."Orders" (id bigint primary key);

-- Protected in the next migration.
-- ok: supabase/rls-missing
create table public.teams (id uuid primary key);

-- pg_dump style, protected in the same file.
-- ok: supabase/rls-missing
CREATE TABLE IF NOT EXISTS "public"."profiles" ("id" "uuid" NOT NULL);
ALTER TABLE "public"."profiles" OWNER TO "postgres";
ALTER TABLE "public"."profiles" ENABLE ROW LEVEL SECURITY;

-- Not exposed through the Data API.
-- ok: supabase/rls-missing
create table private.audit_events (id bigint primary key);

-- ok: supabase/rls-missing
create temporary table scratch (id int);

-- Dropped later.
-- ok: supabase/rls-missing
create table public.staging_rows (id int);

-- Renamed later, and protected under its new name.
-- ok: supabase/rls-missing
create table public.old_name (id int);

-- RLS switched on here and off again later.
-- ruleid: supabase/rls-missing
create table public.settings (id int);
alter table public.settings enable row level security;

create function public.touch() returns trigger language plpgsql as $$
begin
  -- alter table public.notes enable row level security;  (inside a body: not a statement)
  return new;
end;
$$;
