import { httpsCallable } from 'firebase/functions';
import { auth, functions } from '../firebase';

const archiveProjectCallable = httpsCallable<{ projectId: string }, { archivedTasks: number }>(functions, 'archiveProject');

export async function archiveProject(projectId: string): Promise<number> {
  const result = await archiveProjectCallable({ projectId });
  return result.data.archivedTasks;
}

// Account deletion goes through an HTTP function (see firebase.json rewrites)
// and proves who is asking with the user's ID token.
export async function deleteMyAccount(): Promise<void> {
  const user = auth.currentUser;
  if (!user) throw new Error('Not signed in');
  const idToken = await user.getIdToken();
  const response = await fetch('/api/deleteMyAccount', {
    method: 'POST',
    headers: { Authorization: `Bearer ${idToken}` },
  });
  if (!response.ok) throw new Error(`Account deletion failed (${response.status})`);
}
