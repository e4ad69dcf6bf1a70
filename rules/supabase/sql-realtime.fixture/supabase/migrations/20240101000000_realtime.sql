create table public.messages (id bigint primary key, room_id bigint, body text);

-- ruleid: supabase/sql-realtime
alter publication supabase_realtime add table public.messages;

-- ruleid: supabase/sql-realtime
create policy "members receive room broadcasts" on realtime.messages for select to authenticated
  -- ruleid: supabase/sql-realtime
  using ((select realtime.topic()) like 'room:%');

create function public.broadcast_message() returns trigger language plpgsql as $$
begin
  -- ruleid: supabase/sql-realtime
  perform realtime.broadcast_changes('room:' || new.room_id, tg_op, tg_op, tg_table_name, tg_table_schema, new, old);
  return new;
end;
$$;

-- ok: supabase/sql-realtime
create publication app_changes for table public.messages;
-- ok: supabase/sql-realtime
-- remember to add messages to supabase_realtime
-- ok: supabase/sql-realtime
create table public.realtime_settings (room_id bigint primary key);
