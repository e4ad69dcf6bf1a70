import { getFirestore, collection, doc, onSnapshot, query, where } from 'firebase/firestore'
import { getDatabase, ref, onValue, onChildAdded } from 'firebase/database'
import firebase from 'firebase/compat/app'
import { getFirestore as getAdminFirestore } from 'firebase-admin/firestore'
import admin from 'firebase-admin'
import { EventEmitter } from 'node:events'

const db = getFirestore()
const rtdb = getDatabase()

export function watchOrders(uid: string, render: (n: number) => void) {
  // ruleid: firebase/realtime-listener
  return onSnapshot(query(collection(db, 'orders'), where('uid', '==', uid)), (snap) => render(snap.size))
}

export function watchProfile(uid: string, render: (v: unknown) => void) {
  // ruleid: firebase/realtime-listener
  const stop = onSnapshot(doc(db, 'profiles', uid), (d) => render(d.data()))
  // ruleid: firebase/realtime-listener
  onValue(ref(rtdb, `presence/${uid}`), (s) => render(s.val()))
  // ruleid: firebase/realtime-listener
  onChildAdded(ref(rtdb, 'chat'), (s) => render(s.key))
  return stop
}

// ruleid: firebase/realtime-listener
firebase.firestore().collection('rooms').where('open', '==', true).onSnapshot((s) => console.log(s.size))
// ruleid: firebase/realtime-listener
firebase.database().ref('status').on('value', (s) => console.log(s.val()))
// ruleid: firebase/realtime-listener
getAdminFirestore().doc('config/flags').onSnapshot((s) => console.log(s.data()))
// ruleid: firebase/realtime-listener
admin.database().ref('queue').on('child_added', (s) => console.log(s.key))

// ok: firebase/realtime-listener
admin.database().ref('queue').once('value')

const bus = new EventEmitter()
// ok: firebase/realtime-listener
bus.on('value', (v) => console.log(v))

export function localScheduler() {
  // A local function that shadows the SDK import.
  const onSnapshot = (cb: () => void) => cb()
  // ok: firebase/realtime-listener
  onSnapshot(() => undefined)
}
// ok: firebase/realtime-listener
const text = 'onSnapshot(doc(db, "x"), render)'
export { text }
