import { getFunctions, httpsCallable, httpsCallableFromURL } from 'firebase/functions'
import firebase from 'firebase/compat/app'
import 'firebase/compat/functions'

// ruleid: firebase/functions-client
const functions = getFunctions(undefined, 'europe-west1')

export async function addMessage(text: string) {
  // ruleid: firebase/functions-client
  const call = httpsCallable<{ text: string }, { id: string }>(functions, 'addMessage')
  // ok: firebase/functions-client
  const result = await call({ text })
  return result.data.id
}

// ruleid: firebase/functions-client
export const report = httpsCallableFromURL(functions, 'https://report-abc123-ew.a.run.app')

// ruleid: firebase/functions-client
firebase.functions().httpsCallable('legacyPing')({})

const api = { httpsCallable: (name: string) => fetch(`/api/${name}`) }
// ok: firebase/functions-client
api.httpsCallable('addMessage')
// ok: firebase/functions-client
const howTo = "httpsCallable(functions, 'addMessage')"
export { howTo }
