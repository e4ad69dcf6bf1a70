import { createClient } from '@supabase/supabase-js';

// The anon key is public by design: it only grants what the RLS policies in
// supabase/migrations allow. The fallbacks point at the shared demo project.
const DEMO_URL = 'https://abcdefghijklmnopqrst.supabase.co';
const DEMO_ANON_KEY = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZSIsInJlZiI6ImFiY2RlZmdoaWprbG1ub3BxcnN0Iiwicm9sZSI6ImFub24iLCJpYXQiOjE3MDAwMDAwMDAsImV4cCI6MjAwMDAwMDAwMH0.rdi7VANkG9icOPmpk-fB3ZXpE5UHdznFTNgcRlRCllU';

const supabaseUrl = import.meta.env.VITE_SUPABASE_URL || DEMO_URL;
const supabaseAnonKey = import.meta.env.VITE_SUPABASE_ANON_KEY || DEMO_ANON_KEY;

export const supabase = createClient(supabaseUrl, supabaseAnonKey, {
  auth: { persistSession: true, autoRefreshToken: true },
});
