-- ok: supabase/sql-realtime
alter publication supabase_realtime add table messages;
