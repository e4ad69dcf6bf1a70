-- ok: supabase/sql-auth-users
create table accounts (id uuid references auth.users (id));
