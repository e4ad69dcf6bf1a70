import { onRequest } from 'firebase-functions/v2/https'
import * as https from 'firebase-functions/https'
import { setGlobalOptions } from 'firebase-functions'
import express from 'express'

setGlobalOptions({ region: 'europe-west1' })

const api = express()
// ok: firebase/functions-http
api.get('/health', (_req, res) => res.send('ok'))

// ruleid: firebase/functions-http
export const apiHandler = onRequest({ cors: ['https://app.example.com'] }, api)

// ruleid: firebase/functions-http
export const ping = https.onRequest((req, res) => {
  // ok: firebase/functions-http
  res.status(200).send(req.query.name ?? 'pong')
})

export function localServer() {
  // A local helper named like the SDK export.
  const onRequest = (handler: () => void) => handler
  // ok: firebase/functions-http
  return onRequest(() => undefined)
}

// ok: firebase/functions-http
const docs = 'export const hello = onRequest((req, res) => res.send("hi"))'
export { docs }
