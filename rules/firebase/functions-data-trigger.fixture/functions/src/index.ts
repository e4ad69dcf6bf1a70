import { onDocumentCreated, onDocumentWritten } from 'firebase-functions/firestore'
import { onValueWritten } from 'firebase-functions/v2/database'
import * as v2 from 'firebase-functions'
import { onRequest } from 'firebase-functions/https'
import { getFirestore } from 'firebase-admin/firestore'

// ruleid: firebase/functions-data-trigger
export const countOrders = onDocumentCreated('orders/{orderId}', async (event) => {
  // ok: firebase/functions-data-trigger
  const order = event.data?.data()
  await getFirestore().doc(`stats/${order?.uid}`).set({ last: event.params.orderId }, { merge: true })
})

// ruleid: firebase/functions-data-trigger
export const mirror = onDocumentWritten({ document: 'users/{uid}', region: 'europe-west1' }, (event) => event.data?.after.data())

// ruleid: firebase/functions-data-trigger
export const presence = onValueWritten('/status/{uid}', (event) => event.data.after.val())

// ruleid: firebase/functions-data-trigger
export const audit = v2.firestore.onDocumentDeleted('projects/{id}', (event) => console.log(event.params.id))

// ok: firebase/functions-data-trigger
export const http = onRequest((req, res) => res.end())

export function localTriggers() {
  const onDocumentCreated = (path: string, fn: () => void) => ({ path, fn })
  // ok: firebase/functions-data-trigger
  return onDocumentCreated('orders/{id}', () => undefined)
}
