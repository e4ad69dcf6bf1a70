import * as functions from 'firebase-functions/v1';
import { onDocumentCreated } from 'firebase-functions/v2/firestore';
import { onRequest } from 'firebase-functions/v2/https';
import express from 'express';
import { getAuth } from 'firebase-admin/auth';
import { auth, db } from './admin';

// Deletes any account for anyone who knows the URL.
export const removeAccount = onRequest(async (req, res) => {
  // ruleid: firebase/admin-without-verify-id-token
  await getAuth().deleteUser(req.body.uid);
  res.json({ ok: true });
});

// The token is verified first; an invalid one throws and ends the request.
export const deleteMyAccount = onRequest(async (req, res) => {
  const token = (req.get('Authorization') ?? '').replace('Bearer ', '');
  const decoded = await getAuth().verifyIdToken(token);
  // ok: firebase/admin-without-verify-id-token
  await db.collection('users').doc(decoded.uid).delete();
  await getAuth().deleteUser(decoded.uid);
  res.json({ ok: true });
});

// Verified inside try/catch that answers 401.
export const setNickname = onRequest(async (req, res) => {
  let uid: string;
  try {
    ({ uid } = await auth.verifyIdToken(req.get('Authorization')?.split(' ')[1] ?? ''));
  } catch {
    res.status(401).send('unauthorized');
    return;
  }
  // ok: firebase/admin-without-verify-id-token
  await db.collection('profiles').doc(uid).set({ nickname: req.body.nickname }, { merge: true });
  res.end();
});

// The write happens before the token is looked at.
export const logVisit = onRequest(async (req, res) => {
  // ruleid: firebase/admin-without-verify-id-token
  await db.collection('visits').add({ at: Date.now(), path: req.path });
  await auth.verifyIdToken(req.get('Authorization') ?? '');
  res.end();
});

// A failed verification is swallowed, so the write still happens.
export const touch = onRequest(async (req, res) => {
  const decoded = await auth.verifyIdToken(req.get('Authorization') ?? '').catch(() => null);
  console.log('caller', decoded?.uid);
  // ruleid: firebase/admin-without-verify-id-token
  await db.collection('touches').doc(String(req.query.id)).update({ touched: true });
  res.end();
});

// First-generation API, same mistake.
export const makeAdmin = functions.https.onRequest(async (req, res) => {
  // ruleid: firebase/admin-without-verify-id-token
  await auth.setCustomUserClaims(String(req.query.uid), { admin: true });
  res.send('done');
});

// Express app behind onRequest: one route is protected by middleware, one is not.
const app = express();
app.post('/claims', async (req, res) => {
  // ruleid: firebase/admin-without-verify-id-token
  await auth.setCustomUserClaims(req.body.uid, req.body.claims);
  res.sendStatus(204);
});
app.post('/claims/protected', validateFirebaseIdToken, async (req, res) => {
  // ok: firebase/admin-without-verify-id-token
  await auth.setCustomUserClaims(req.body.uid, req.body.claims);
  res.sendStatus(204);
});
export const api = onRequest(app);

async function validateFirebaseIdToken(req: express.Request, res: express.Response, next: express.NextFunction) {
  try {
    await auth.verifyIdToken(req.headers.authorization?.split('Bearer ')[1] ?? '');
    next();
  } catch {
    res.status(403).send('Unauthorized');
  }
}

// A Firestore trigger is not callable from outside.
export const onUserCreated = onDocumentCreated('users/{uid}', async (event) => {
  // ok: firebase/admin-without-verify-id-token
  await db.collection('stats').doc('users').set({ last: event.params.uid }, { merge: true });
});

// A document the code names itself (a public counter) is not a dump of rows: not flagged.
export const publicStats = onRequest(async (_req, res) => {
  // ok: firebase/admin-without-verify-id-token
  const snap = await db.collection('stats').doc('users').get();
  res.json(snap.data());
});

// v1 function returning a whole collection, read with Admin power, to anyone.
export const listCustomers = functions.https.onRequest(async (_req, res) => {
  // ruleid: firebase/admin-without-verify-id-token
  const snapshot = await db.collection('customers').get();
  res.status(200).send(snapshot.docs.map((d) => d.data()));
});

// The same read behind a verified ID token stays quiet.
export const listMyInvoices = onRequest(async (req, res) => {
  const caller = await getAuth().verifyIdToken(String(req.headers.authorization ?? '').slice(7));
  // ok: firebase/admin-without-verify-id-token
  const snapshot = await db.collection('invoices').where('owner', '==', caller.uid).get();
  res.json(snapshot.docs.map((d) => d.data()));
});

// A handler kept in a local constant nobody exports is never deployed.
const unusedExport = onRequest(async (_req, res) => {
  // ok: firebase/admin-without-verify-id-token
  await getAuth().deleteUser('someone');
  res.end();
});
