import type { User } from '@supabase/supabase-js';
import { supabaseAdmin } from '../lib/adminClient';

export interface ActivityEntry {
  id: number;
  actor: string | null;
  action: string;
  subject_id: string | null;
  created_at: string;
}

export async function listAccounts(page = 1): Promise<User[]> {
  const { data, error } = await supabaseAdmin.auth.admin.listUsers({ page, perPage: 50 });
  if (error) throw new Error(error.message);
  return data.users;
}

export async function recentActivity(): Promise<ActivityEntry[]> {
  const { data, error } = await supabaseAdmin.from('activity_log')
    .select('id, actor, action, subject_id, created_at')
    .order('created_at', { ascending: false })
    .limit(100);
  if (error) throw new Error(error.message);
  return data ?? [];
}

export async function purgeAccount(userId: string): Promise<void> {
  const { error } = await supabaseAdmin.functions.invoke('purge-user', { body: { userId } });
  if (error) throw new Error(`Purge failed: ${error.message}`);
}
