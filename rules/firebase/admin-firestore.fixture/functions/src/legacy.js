const admin = require('firebase-admin')

admin.initializeApp()

exports.purge = async function purge(uid) {
  // ruleid: firebase/admin-firestore
  const batch = admin.firestore().batch()
  // ruleid: firebase/admin-firestore
  const docs = await admin.firestore().collection('sessions').where('uid', '==', uid).get()
  // ok: firebase/admin-firestore
  docs.forEach((d) => batch.delete(d.ref))
  return batch.commit()
}

const app = admin.initializeApp({ projectId: 'other' }, 'reports')
// ruleid: firebase/admin-firestore
app.firestore().collection('reports').add({ at: Date.now() })
