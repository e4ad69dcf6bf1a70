import { onCall, HttpsError } from 'firebase-functions/https'
import { onRequest } from 'firebase-functions/v2/https'
import * as functions from 'firebase-functions/v1'

// ruleid: firebase/functions-callable
export const addMessage = onCall({ enforceAppCheck: true }, async (request) => {
  // ok: firebase/functions-callable
  if (!request.auth) throw new HttpsError('unauthenticated', 'Sign in first')
  return { echo: request.data }
})

// ruleid: firebase/functions-callable
export const legacyAdd = functions.region('us-central1').https.onCall((data, context) => ({ uid: context.auth?.uid }))

// ok: firebase/functions-callable
export const plain = onRequest((req, res) => res.send('not callable'))

const rpc = { onCall: (name: string) => name }
// ok: firebase/functions-callable
rpc.onCall('sum')
// ok: firebase/functions-callable
const note = 'onCall handlers receive request.auth'
export { note }
