import {
  addDoc, collection, deleteDoc, doc, getDoc, getDocs, limit, orderBy, query, runTransaction,
  serverTimestamp, setDoc, updateDoc, where, writeBatch,
} from 'firebase/firestore'
import * as fs from 'firebase/firestore/lite'
import { db } from './firebase'

export async function recentOrders(uid: string) {
  // ruleid: firebase/firestore
  const ordersRef = collection(db, 'orders')
  // ruleid: firebase/firestore
  const snap = await getDocs(query(ordersRef, where('uid', '==', uid), orderBy('createdAt', 'desc'), limit(20)))
  // A callback parameter named doc shadows the import.
  // ok: firebase/firestore
  return snap.docs.map((doc) => ({ id: doc.id, ...doc.data() }))
}

export async function placeOrder(uid: string, total: number) {
  // ruleid: firebase/firestore
  const ref = await addDoc(collection(db, 'orders'), { uid, total, createdAt: serverTimestamp() })
  // ruleid: firebase/firestore
  await setDoc(doc(db, 'carts', uid), { items: [] })
  // ruleid: firebase/firestore
  await updateDoc(ref, { status: 'placed' })
  return ref.id
}

export async function cancel(id: string) {
  // ruleid: firebase/firestore
  const current = await getDoc(doc(db, 'orders', id))
  // ruleid: firebase/firestore
  if (current.exists()) await deleteDoc(current.ref)
}

export async function transfer(from: string, to: string) {
  // ruleid: firebase/firestore
  await runTransaction(db, async (tx) => {
    // ruleid: firebase/firestore
    tx.update(doc(db, 'wallets', from), { balance: 0 })
  })
  // ruleid: firebase/firestore
  const batch = writeBatch(db)
  // ok: firebase/firestore
  await batch.commit()
}

export async function liteRead() {
  // ruleid: firebase/firestore
  return fs.getDocs(fs.collection(fs.getFirestore(), 'products'))
}
