import { getMessaging, getToken, onMessage } from 'firebase/messaging'
import { onBackgroundMessage, getMessaging as getSwMessaging } from 'firebase/messaging/sw'
import { getMessaging as getAdminMessaging } from 'firebase-admin/messaging'
import * as admin from 'firebase-admin'

// ruleid: firebase/messaging
const messaging = getMessaging()

export async function register(vapidKey: string) {
  // ruleid: firebase/messaging
  const token = await getToken(messaging, { vapidKey })
  // ruleid: firebase/messaging
  onMessage(messaging, (payload) => console.log(payload.notification?.title))
  return token
}

// ruleid: firebase/messaging
onBackgroundMessage(getSwMessaging(), (payload) => console.log(payload.data))

export async function notify(token: string) {
  // ruleid: firebase/messaging
  await getAdminMessaging().send({ token, notification: { title: 'Shipped' } })
  // ruleid: firebase/messaging
  await admin.messaging().subscribeToTopic([token], 'news')
}

const mailer = { send: (to: string) => to }
// ok: firebase/messaging
mailer.send('a@example.com')
export function localPush() {
  const getToken = () => 'local'
  // ok: firebase/messaging
  return getToken()
}
// ok: firebase/messaging
const note = 'getToken(messaging, { vapidKey })'
export { note }
