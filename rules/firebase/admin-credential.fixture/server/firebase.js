// An Express server's Firebase setup: the Admin SDK signs in with a key file kept beside the code.
const admin = require('firebase-admin')
const key = require('./keys/service-account.json')

admin.initializeApp({
  // ruleid: firebase/admin-credential
  credential: admin.credential.cert(key),
  databaseURL: 'https://ledger-demo.firebaseio.com',
})

// A credential object of our own that merely shares the name.
const credential = { cert: (pem) => pem.trim() }
// ok: firebase/admin-credential
const pinned = credential.cert('-----BEGIN CERTIFICATE-----')

module.exports = { db: admin.firestore(), pinned }
