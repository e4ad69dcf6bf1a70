import {
  getAuth, signInWithEmailAndPassword, signInWithPopup, GoogleAuthProvider, onAuthStateChanged, signOut,
} from 'firebase/auth'
import firebase from 'firebase/compat/app'
import 'firebase/compat/auth'
import { AngularFireAuth } from '@angular/fire/compat/auth'

// ruleid: firebase/auth
const auth = getAuth()

export async function login(email: string, password: string) {
  // ruleid: firebase/auth
  const cred = await signInWithEmailAndPassword(auth, email, password)
  // ok: firebase/auth
  return cred.user.uid
}

export async function loginWithGoogle() {
  // ruleid: firebase/auth
  const provider = new GoogleAuthProvider()
  // ruleid: firebase/auth
  await signInWithPopup(auth, provider)
  // ruleid: firebase/auth
  return auth.currentUser?.getIdToken()
}

// ruleid: firebase/auth
onAuthStateChanged(auth, async (user) => {
  if (!user) return
  // ruleid: firebase/auth
  const token = await user.getIdToken()
  // ok: firebase/auth
  console.log(user.email, token.length)
})

// ruleid: firebase/auth
export const logout = () => signOut(auth)

// ruleid: firebase/auth
firebase.auth().signInAnonymously()
// ruleid: firebase/auth
const legacyProvider = new firebase.auth.GoogleAuthProvider()

// ok: firebase/auth
const session = { signOut: () => undefined, currentUser: null }
// ok: firebase/auth
session.signOut()
export function localAuth() {
  const getAuth = () => ({ user: 'guest' })
  // ok: firebase/auth
  return getAuth()
}
// ok: firebase/auth
const help = 'call signInWithPopup(auth, new GoogleAuthProvider())'
export { legacyProvider, help }

// AngularFire injects the Auth service; its calls (and the wrapped v8 auth object's) are Firebase Auth.
export class SessionService {
  constructor(private readonly afAuth: AngularFireAuth) {}

  signOut() {
    // ruleid: firebase/auth
    return this.afAuth.signOut()
  }

  legacyPopup(provider: object) {
    // ruleid: firebase/auth
    return (this.afAuth as any).auth.signInWithPopup(provider)
  }
}
