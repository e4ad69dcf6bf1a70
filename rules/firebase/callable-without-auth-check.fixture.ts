import * as functions from 'firebase-functions';
import { HttpsError, onCall } from 'firebase-functions/v2/https';
import { getAuth } from 'firebase-admin/auth';
import { FieldValue, getFirestore } from 'firebase-admin/firestore';

const db = getFirestore();

// Any client, signed in or not, can delete any account.
export const deleteAccount = onCall(async (request) => {
  // ruleid: firebase/callable-without-auth-check
  await getAuth().deleteUser(request.data.uid);
});

// Signed-in callers may only delete themselves.
export const deleteMyAccount = onCall(async (request) => {
  if (!request.auth) throw new HttpsError('unauthenticated', 'Sign in first.');
  if (request.auth.uid !== request.data.uid) throw new HttpsError('permission-denied', 'Not yours.');
  // ok: firebase/callable-without-auth-check
  await getAuth().deleteUser(request.auth.uid);
});

// App Check alone does not say who the user is.
export const addPoints = onCall({ enforceAppCheck: true }, async (request) => {
  // ruleid: firebase/callable-without-auth-check
  await db.collection('scores').doc(request.data.uid).update({ points: FieldValue.increment(10) });
});

// The uid taken from the verified context; a derived value is tested.
export const bumpMine = onCall(async ({ auth, data }) => {
  const uid = auth?.uid;
  if (!uid) throw new HttpsError('unauthenticated', 'Sign in first.');
  // ok: firebase/callable-without-auth-check
  await db.collection('scores').doc(uid).set({ last: data.value }, { merge: true });
});

// First-generation callable: (data, context); the check comes too late.
export const promote = functions.https.onCall(async (data, context) => {
  // ruleid: firebase/callable-without-auth-check
  await getAuth().setCustomUserClaims(data.uid, { admin: true });
  if (!context.auth?.token.admin) throw new functions.https.HttpsError('permission-denied', 'Admins only.');
});

// First-generation callable with the check first.
export const demote = functions.https.onCall(async (data, context) => {
  if (!context.auth?.token.admin) {
    throw new functions.https.HttpsError('permission-denied', 'Admins only.');
  }
  // ok: firebase/callable-without-auth-check
  await getAuth().setCustomUserClaims(data.uid, { admin: false });
});

// Reading public data needs no identity.
export const leaderboard = onCall(async () => {
  // ok: firebase/callable-without-auth-check
  const top = await db.collection('scores').orderBy('points', 'desc').limit(10).get();
  return top.docs.map((d) => d.data());
});

// Reading a property through `auth!` throws for an anonymous caller before any Admin work.
export const renameMe = onCall(async (request) => {
  const uid = request.auth!.uid;
  // ok: firebase/callable-without-auth-check
  await db.collection('profiles').doc(uid).update({ name: request.data.name });
});

// Optional chaining does not stop anyone.
export const renameAnyone = onCall(async (request) => {
  const uid = request.auth?.uid ?? request.data.uid;
  // ruleid: firebase/callable-without-auth-check
  await db.collection('profiles').doc(uid).update({ name: request.data.name });
});

// Kept in a local constant, never exported: not deployed.
const oldPromote = onCall(async (request) => {
  // ok: firebase/callable-without-auth-check
  await getAuth().setCustomUserClaims(request.data.uid, { admin: true });
});
