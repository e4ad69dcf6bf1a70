import firebase from 'firebase/compat/app'
import 'firebase/compat/firestore'

firebase.initializeApp({ projectId: 'demo-shop' })
// ruleid: firebase/firestore
const store = firebase.firestore()

export function loadProfile(uid) {
  // ruleid: firebase/firestore
  return store.collection('profiles').doc(uid).get()
}

export function saveAll(items) {
  // ruleid: firebase/firestore
  const batch = firebase.firestore().batch()
  // ok: firebase/firestore
  items.forEach((item) => batch.set(item.ref, item.data))
  return batch.commit()
}
