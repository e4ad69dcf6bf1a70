import { getDatabase, ref, set, push, get, child, update, remove, onDisconnect, onValue } from 'firebase/database'
import firebase from 'firebase/compat/app'
import * as admin from 'firebase-admin'
import { getDatabase as getAdminDatabase } from 'firebase-admin/database'

const rtdb = getDatabase()

export async function chat(roomId: string, text: string) {
  // ruleid: firebase/realtime-database
  const messages = ref(rtdb, `rooms/${roomId}/messages`)
  // ruleid: firebase/realtime-database
  await set(push(messages), { text, at: Date.now() })
  // ruleid: firebase/realtime-database
  const snap = await get(child(ref(rtdb), `rooms/${roomId}/title`))
  // ruleid: firebase/realtime-database
  await update(ref(rtdb, `rooms/${roomId}`), { lastText: text })
  // ruleid: firebase/realtime-database
  onDisconnect(ref(rtdb, `presence/${roomId}`)).remove()
  // ok: firebase/realtime-database
  return snap.val()
}

export function clear(roomId: string) {
  // ruleid: firebase/realtime-database
  return remove(ref(rtdb, `rooms/${roomId}`))
}

// ruleid: firebase/realtime-database
firebase.database().ref('status/online').set(true)

// ruleid: firebase/realtime-database
admin.database().ref('jobs').push({ kind: 'resize' })
const serverDb = getAdminDatabase()
// ruleid: firebase/realtime-database
serverDb.ref('counters/visits').transaction((n: number | null) => (n ?? 0) + 1)

// ok: firebase/realtime-database
const cache = new Map<string, string>()
// ok: firebase/realtime-database
cache.set('rooms/1', 'x')
// ok: firebase/realtime-database
const snippet = "set(ref(db, 'users/' + uid), profile)"
export { cache, snippet, onValue }
