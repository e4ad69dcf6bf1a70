import { initializeApp } from 'firebase/app'
import { getFirestore } from 'firebase/firestore'

const app = initializeApp({ projectId: 'demo-shop' })
// ruleid: firebase/firestore
export const db = getFirestore(app)
