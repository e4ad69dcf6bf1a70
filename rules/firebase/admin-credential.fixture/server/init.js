const admin = require('firebase-admin')
const { cert } = require('firebase-admin/app')
const serviceAccount = require('./serviceAccountKey.json')

admin.initializeApp({
  // ruleid: firebase/admin-credential
  credential: admin.credential.cert(serviceAccount),
  storageBucket: 'theses.appspot.com',
})

// ruleid: firebase/admin-credential
const second = cert({ projectId: 'p', clientEmail: 'e', privateKey: process.env.ADMIN_KEY })

// A credential helper of the app's own stays quiet.
const vault = { credential: { cert: (x) => x } }
// ok: firebase/admin-credential
module.exports = { second, mine: vault.credential.cert('local') }
