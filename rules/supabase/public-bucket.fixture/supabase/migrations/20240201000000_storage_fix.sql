update storage.buckets set public = false where id = 'reports';

-- ruleid: supabase/public-bucket
update storage.buckets set public = true where id in ('backups', 'avatars-public');
