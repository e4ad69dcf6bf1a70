import { createClient } from '@supabase/supabase-js';

// Hard-coded service_role key: bypasses every RLS policy for whoever reads this file.
// ruleid: supabase/service-role-key
const SERVICE_ROLE_KEY = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZSIsInJlZiI6InF6dmtocm10d3BsYnl4bnNkamZhIiwicm9sZSI6InNlcnZpY2Vfcm9sZSIsImlhdCI6MTcxMjAwMDAwMCwiZXhwIjoyMDI3NTc2MDAwfQ.oHAGIGbHW2ie391Tet7J0RTassQcgBMa-HM8SbFJdew';

// The anon key is public by design.
// ok: supabase/service-role-key
const ANON_KEY = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZSIsInJlZiI6InF6dmtocm10d3BsYnl4bnNkamZhIiwicm9sZSI6ImFub24iLCJpYXQiOjE3MTIwMDAwMDAsImV4cCI6MjAyNzU3NjAwMH0.oiAN7Z8oz385XYjY5eYlCKZ3tdNgo3J7xtLP0TTUIYE';

// New-style keys: the secret one is reported, the publishable one is not.
// ruleid: supabase/service-role-key
const SECRET_KEY = 'sb_secret_Xk9W16xCvl7r4l_GDHtQn1W';
// ok: supabase/service-role-key
const PUBLISHABLE_KEY = 'sb_publishable_mlaR2joe13BU1O_zwI19fSM';

// A Storage signed-URL token is a JWT too, but it carries a `url` claim, not a role.
// ok: supabase/service-role-key
const avatarUrl = 'https://qzvkhrmtwplbyxnsdjfa.supabase.co/storage/v1/object/sign/avatars/u1/photo.png?token=eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJ1cmwiOiJhdmF0YXJzL3UxL3Bob3RvLnBuZyIsImlhdCI6MTcxMjAwMDAwMCwiZXhwIjoxNzEyMDAzNjAwfQ.9eGUinsVjSz6CNAH84Lu444HmVSjDcvTHcyAVXywLjE';

// A user's session token (role authenticated) is not an API key.
// ok: supabase/service-role-key
const sampleSession = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJhdWQiOiJhdXRoZW50aWNhdGVkIiwic3ViIjoiOWQ0ZjFiMmUtMTExMS00YzJhLTlhNzctM2I4ZTJmMGM1ZDExIiwicm9sZSI6ImF1dGhlbnRpY2F0ZWQiLCJpc3MiOiJodHRwczovL3F6dmtocm10d3BsYnl4bnNkamZhLnN1cGFiYXNlLmNvL2F1dGgvdjEifQ.7PNQWmwAipG_PODgtjx0oCFCut9JQz2E4HhmSBuMdHQ';

// The Supabase CLI's local demo key (issuer supabase-demo) is public and only works on localhost.
// ok: supabase/service-role-key
const LOCAL_SERVICE_ROLE_KEY = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZS1kZW1vIiwicm9sZSI6InNlcnZpY2Vfcm9sZSIsImV4cCI6MTk4MzgxMjk5Nn0.EGIM96RAZx35lJzdJsyH-qQwv8Hdp7fsn3W0YpN81IU';

// Reading the key from the environment is the fix, and a comment that says service_role is harmless.
// ok: supabase/service-role-key
const fromEnv = process.env.SUPABASE_SERVICE_ROLE_KEY; // service_role key lives in the host's secrets

// ok: supabase/service-role-key
const placeholder = 'sb_secret_your-secret-key-here';

export const admin = createClient('https://qzvkhrmtwplbyxnsdjfa.supabase.co', fromEnv ?? SERVICE_ROLE_KEY);
export const keys = { ANON_KEY, SECRET_KEY, PUBLISHABLE_KEY, avatarUrl, sampleSession, LOCAL_SERVICE_ROLE_KEY, placeholder };
