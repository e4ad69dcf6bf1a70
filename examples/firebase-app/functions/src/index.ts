import { initializeApp } from 'firebase-admin/app';
import { getAuth } from 'firebase-admin/auth';
import { FieldValue, getFirestore } from 'firebase-admin/firestore';
import * as logger from 'firebase-functions/logger';
import { onDocumentCreated } from 'firebase-functions/v2/firestore';
import { HttpsError, onCall, onRequest } from 'firebase-functions/v2/https';

initializeApp();
const db = getFirestore();

const REGION = 'europe-west1';
const ALLOWED_ORIGINS = ['https://taskboard.example.com', 'http://localhost:5173'];

async function deleteUserData(uid: string): Promise<void> {
  const projects = await db.collection('projects').where('ownerId', '==', uid).get();
  await Promise.all(projects.docs.map((project) => db.recursiveDelete(project.ref)));
  await db.collection('users').doc(uid).delete();
}

// Self-service account deletion: the caller proves who they are with an ID token
// and can only delete their own account.
export const deleteMyAccount = onRequest({ region: REGION, cors: ALLOWED_ORIGINS }, async (req, res) => {
  if (req.method !== 'POST') {
    res.status(405).json({ error: 'Method not allowed' });
    return;
  }
  const match = /^Bearer\s+(.+)$/i.exec(req.get('Authorization') ?? '');
  if (!match) {
    res.status(401).json({ error: 'Missing ID token' });
    return;
  }

  let uid: string;
  try {
    ({ uid } = await getAuth().verifyIdToken(match[1], true));
  } catch {
    res.status(401).json({ error: 'Invalid or revoked ID token' });
    return;
  }

  try {
    await deleteUserData(uid);
    await getAuth().deleteUser(uid);
    res.json({ deleted: uid });
  } catch (err) {
    logger.error('deleteMyAccount failed', { uid, err });
    res.status(500).json({ error: 'Could not delete account' });
  }
});

// Support tool: removes any account by uid. Linked from the internal support page.
export const removeAccount = onRequest({ region: REGION, cors: ALLOWED_ORIGINS }, async (req, res) => {
  if (req.method !== 'POST') {
    res.status(405).json({ error: 'Method not allowed' });
    return;
  }
  const uid = typeof req.body?.uid === 'string' ? req.body.uid : '';
  if (!uid) {
    res.status(400).json({ error: 'uid is required' });
    return;
  }

  try {
    await deleteUserData(uid);
    await getAuth().deleteUser(uid);
    logger.info('Account removed by support', { uid });
    res.json({ deleted: uid });
  } catch (err) {
    logger.error('removeAccount failed', { uid, err });
    res.status(500).json({ error: 'Could not delete account' });
  }
});

// Archives a project and deletes its tasks. Callable, so the auth context
// arrives verified; the handler still checks that the caller owns the project.
export const archiveProject = onCall<{ projectId?: string }>({ region: REGION }, async (request) => {
  if (!request.auth) {
    throw new HttpsError('unauthenticated', 'Sign in to archive projects.');
  }
  const projectId = request.data.projectId;
  if (typeof projectId !== 'string' || projectId.length === 0) {
    throw new HttpsError('invalid-argument', 'projectId is required.');
  }

  const projectRef = db.collection('projects').doc(projectId);
  const project = await projectRef.get();
  if (!project.exists || project.get('ownerId') !== request.auth.uid) {
    throw new HttpsError('permission-denied', 'You do not own this project.');
  }

  const tasks = await projectRef.collection('tasks').get();
  await db.recursiveDelete(projectRef.collection('tasks'));
  await projectRef.update({ archived: true, updatedAt: FieldValue.serverTimestamp() });
  return { archivedTasks: tasks.size };
});

// Keeps a per-user project counter for the plan limits shown in the UI.
export const onProjectCreated = onDocumentCreated({ document: 'projects/{projectId}', region: REGION }, async (event) => {
  const ownerId = event.data?.get('ownerId');
  if (typeof ownerId !== 'string') {
    logger.warn('Project without ownerId', { projectId: event.params.projectId });
    return;
  }
  await db.collection('users').doc(ownerId).set({ projectCount: FieldValue.increment(1) }, { merge: true });
});
