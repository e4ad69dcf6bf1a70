// Seeds a local database started by the Supabase CLI; this key is the CLI's well-known local default.
import { createClient } from '@supabase/supabase-js'

const local = createClient('http://127.0.0.1:54321', 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZS1kZW1vIiwicm9sZSI6InNlcnZpY2Vfcm9sZSIsImV4cCI6MTk4MzgxMjk5Nn0.EGIM96RAZx35lJzdJsyH-qQwv8Hdp7fsn3W0YpN81IU')
await local.from('chores').insert([{ title: 'water the plants', household: 1 }])
