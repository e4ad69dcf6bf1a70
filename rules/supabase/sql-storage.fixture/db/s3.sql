-- ok: supabase/sql-storage
select * from storage.objects;
