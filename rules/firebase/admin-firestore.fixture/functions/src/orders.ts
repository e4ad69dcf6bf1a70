import { FieldValue } from 'firebase-admin/firestore'
import { db } from './firebase'

export async function markShipped(orderId: string) {
  // ruleid: firebase/admin-firestore
  const ref = db.collection('orders').doc(orderId)
  // A reference kept in a variable is still Firestore's: each operation on it is a touch point.
  // ruleid: firebase/admin-firestore
  await ref.update({ status: 'shipped', shippedAt: FieldValue.serverTimestamp() })
}

export async function countOpen() {
  // ruleid: firebase/admin-firestore
  const snap = await db.collectionGroup('items').where('open', '==', true).count().get()
  return snap.data().count
}

export async function move(from: string, to: string) {
  // ruleid: firebase/admin-firestore
  await db.runTransaction(async (tx) => {
    // ruleid: firebase/admin-firestore
    const source = await tx.get(db.doc(`wallets/${from}`))
    // ok: firebase/admin-firestore
    tx.update(source.ref, { balance: 0 })
  })
}
