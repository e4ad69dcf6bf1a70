import { initializeApp } from 'firebase-admin/app'
import { getFirestore } from 'firebase-admin/firestore'

const app = initializeApp()
// ok: firebase/admin-firestore
export const db = getFirestore(app)
