import type { PostgrestError } from '@supabase/supabase-js';
import { supabase } from '../lib/supabaseClient';

export interface Note {
  id: string;
  user_id: string;
  team_id: string | null;
  title: string;
  body: string;
  pinned: boolean;
  created_at: string;
  updated_at: string;
}

export type NoteInput = Pick<Note, 'title' | 'body'> & Partial<Pick<Note, 'pinned' | 'team_id'>>;

function unwrap<T>(data: T | null, error: PostgrestError | null): T {
  if (error) throw new Error(`Notes request failed: ${error.message}`);
  if (data === null) throw new Error('Notes request returned no data');
  return data;
}

export async function listNotes(): Promise<Note[]> {
  const { data, error } = await supabase.from('notes').select('*').order('updated_at', { ascending: false });
  return unwrap(data, error);
}

export async function createNote(input: NoteInput): Promise<Note> {
  const { data, error } = await supabase.from('notes').insert(input).select().single();
  return unwrap(data, error);
}

export async function updateNote(id: string, patch: Partial<NoteInput>): Promise<Note> {
  const { data, error } = await supabase.from('notes')
    .update({ ...patch, updated_at: new Date().toISOString() })
    .eq('id', id)
    .select()
    .single();
  return unwrap(data, error);
}

export async function deleteNote(id: string): Promise<void> {
  const { error } = await supabase.from('notes').delete().eq('id', id);
  if (error) throw new Error(`Could not delete note: ${error.message}`);
}

export async function searchNotes(query: string): Promise<Note[]> {
  if (query.trim().length < 2) return [];
  const { data, error } = await supabase.rpc('search_notes', { query });
  return unwrap(data as Note[] | null, error);
}

export async function createShareLink(noteId: string, days = 7): Promise<string> {
  const expiresAt = new Date(Date.now() + days * 24 * 60 * 60 * 1000).toISOString();
  const { data, error } = await supabase.from('shared_links')
    .insert({ note_id: noteId, expires_at: expiresAt })
    .select('token')
    .single();
  return `${window.location.origin}/s/${unwrap(data, error).token}`;
}
