-- ok: supabase/sql-net-cron
select cron.schedule('vacuum', '0 4 * * *', 'vacuum');
