import { initializeApp } from 'firebase-admin/app'
import { getFirestore } from 'firebase-admin/firestore'

const app = initializeApp()
// Creating the Admin Firestore client is a touch point too.
// ruleid: firebase/admin-firestore
export const db = getFirestore(app)
