import { supabase } from '../lib/supabaseClient';

const MAX_AVATAR_BYTES = 2 * 1024 * 1024;

// Avatars live in a public bucket under <user id>/avatar.<ext>.
export async function uploadAvatar(userId: string, file: File): Promise<string> {
  if (file.size > MAX_AVATAR_BYTES) throw new Error('Avatar must be 2 MB or smaller');
  const ext = file.name.split('.').pop()?.toLowerCase() ?? 'png';
  const path = `${userId}/avatar.${ext}`;

  const { error } = await supabase.storage.from('avatars').upload(path, file, { upsert: true, contentType: file.type });
  if (error) throw new Error(`Avatar upload failed: ${error.message}`);

  const { data } = supabase.storage.from('avatars').getPublicUrl(path);
  const { error: profileError } = await supabase.from('profiles').update({ avatar_url: data.publicUrl }).eq('id', userId);
  if (profileError) throw new Error(profileError.message);
  return data.publicUrl;
}

// Note attachments are private; readers get a short-lived signed URL.
export async function attachFile(userId: string, noteId: string, file: File): Promise<string> {
  const path = `${userId}/${noteId}/${crypto.randomUUID()}-${file.name}`;
  const { error } = await supabase.storage.from('note-files').upload(path, file);
  if (error) throw new Error(`Attachment upload failed: ${error.message}`);
  return path;
}

export async function attachmentUrl(path: string): Promise<string> {
  const { data, error } = await supabase.storage.from('note-files').createSignedUrl(path, 60);
  if (error) throw new Error(error.message);
  return data.signedUrl;
}
