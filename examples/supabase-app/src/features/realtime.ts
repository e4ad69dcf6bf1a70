import type { RealtimePostgresChangesPayload } from '@supabase/supabase-js';
import { supabase } from '../lib/supabaseClient';
import type { Note } from './notes';

// Streams inserts, updates and deletes of the user's notes (RLS still applies).
export function watchNotes(userId: string, onChange: (payload: RealtimePostgresChangesPayload<Note>) => void): () => void {
  const channel = supabase.channel(`notes:${userId}`)
    .on('postgres_changes', { event: '*', schema: 'public', table: 'notes', filter: `user_id=eq.${userId}` }, onChange)
    .subscribe();

  return () => {
    void supabase.removeChannel(channel);
  };
}
