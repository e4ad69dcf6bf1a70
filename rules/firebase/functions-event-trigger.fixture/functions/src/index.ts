import { onSchedule } from 'firebase-functions/scheduler'
import { onObjectFinalized } from 'firebase-functions/v2/storage'
import { beforeUserCreated, HttpsError } from 'firebase-functions/identity'
import { onMessagePublished } from 'firebase-functions/pubsub'
import { onTaskDispatched } from 'firebase-functions/tasks'
import * as v2 from 'firebase-functions'
import { onDocumentCreated } from 'firebase-functions/firestore'
import { onNewFatalIssuePublished } from 'firebase-functions/v2/alerts/crashlytics'

// ruleid: firebase/functions-event-trigger
export const nightly = onSchedule('every day 03:00', async () => console.log('cleanup'))

// ruleid: firebase/functions-event-trigger
export const thumbnails = onObjectFinalized({ bucket: 'demo-uploads' }, (event) => console.log(event.data.name))

// ruleid: firebase/functions-event-trigger
export const gate = beforeUserCreated((event) => {
  // ok: firebase/functions-event-trigger
  if (!event.data?.email?.endsWith('@example.com')) throw new HttpsError('invalid-argument', 'Company accounts only')
})

// ruleid: firebase/functions-event-trigger
export const onTopic = onMessagePublished('billing', (event) => console.log(event.data.message.json))

// ruleid: firebase/functions-event-trigger
export const worker = onTaskDispatched({ retryConfig: { maxAttempts: 3 } }, async (req) => console.log(req.data))

// ruleid: firebase/functions-event-trigger
export const flags = v2.remoteConfig.onConfigUpdated((event) => console.log(event.data.versionNumber))

// ruleid: firebase/functions-event-trigger
export const crashes = onNewFatalIssuePublished((event) => console.log(event.data.payload.issue.title))

// ok: firebase/functions-event-trigger
export const created = onDocumentCreated('orders/{id}', () => undefined)

const cron = { onSchedule: (spec: string) => spec }
// ok: firebase/functions-event-trigger
cron.onSchedule('0 3 * * *')
