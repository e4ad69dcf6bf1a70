const express = require('express');
const { getAuth } = require('firebase-admin/auth');
const store = require('../data/store.js');

const router = express.Router();

// The routes below are mounted behind a token check elsewhere; none of them checks the list's owner.
// ruleid: firebase/admin-without-ownership-check
router.post('/rename', (req, res) => {
  store.renameList(req.body).then(() => res.sendStatus(204));
});

// Adding an item writes a new document: nothing existing is changed.
// ok: firebase/admin-without-ownership-check
router.post('/item', (req, res) => {
  store.addItem(req.body).then(() => res.sendStatus(201));
});

// ruleid: firebase/admin-without-ownership-check
router.get('/wipe', (req, res) => {
  store.wipeAccounts();
  res.sendStatus(200);
});

// Token verified here, and the document id is the caller's own uid.
router.post('/profile', async (req, res) => {
  const decoded = await getAuth().verifyIdToken(req.headers.authorization ?? '');
  // ok: firebase/admin-without-ownership-check
  await require('firebase-admin').firestore().collection('profiles').doc(decoded.uid).set({ bio: req.body.bio });
  res.sendStatus(204);
});

// Token verified, then a document the body names is deleted: no owner or claim check.
router.post('/forget', async (req, res) => {
  await getAuth().verifyIdToken(req.headers.authorization ?? '');
  // ruleid: firebase/admin-without-ownership-check
  await require('firebase-admin').firestore().collection('profiles').doc(req.body.uid).delete();
  res.sendStatus(204);
});

// An admin claim checked first, with a 403.
router.post('/ban', async (req, res) => {
  const decoded = await getAuth().verifyIdToken(req.headers.authorization ?? '');
  if (decoded.admin !== true) return res.sendStatus(403);
  // ok: firebase/admin-without-ownership-check
  await getAuth().updateUser(req.body.uid, { disabled: true });
  res.sendStatus(204);
});

module.exports = router;
