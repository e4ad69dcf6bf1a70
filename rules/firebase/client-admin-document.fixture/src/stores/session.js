import { deleteDoc, doc, getDoc } from 'firebase/firestore';
import { db } from '../lib/firebase';

export async function loadRole(uid) {
  // ruleid: firebase/client-admin-document
  const snap = await getDoc(doc(db, 'admins', uid));
  return snap.exists();
}

export async function removeMember(isAdmin, memberId) {
  if (!isAdmin) return;
  // A member document, not an admin lookup.
  // ok: firebase/client-admin-document
  await deleteDoc(doc(db, 'members', memberId));
}
