import { supabase } from '../lib/supabaseClient';

export interface Team {
  id: string;
  name: string;
  team_members: { user_id: string; role: 'owner' | 'member' }[];
}

export async function listTeams(): Promise<Team[]> {
  const { data, error } = await supabase.from('teams').select('id, name, team_members(user_id, role)').order('name');
  if (error) throw new Error(error.message);
  return data ?? [];
}

export async function memberCount(teamId: string): Promise<number> {
  const { data, error } = await supabase.rpc('team_member_count', { p_team_id: teamId });
  if (error) throw new Error(error.message);
  return data ?? 0;
}

// Invitations need the Auth admin API, so they go through an Edge Function
// that checks the caller is an owner of the team.
export async function inviteMember(teamId: string, email: string): Promise<void> {
  const { error } = await supabase.functions.invoke('invite-member', { body: { teamId, email } });
  if (error) throw new Error(`Invitation failed: ${error.message}`);
}
