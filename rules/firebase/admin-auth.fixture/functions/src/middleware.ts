import * as admin from 'firebase-admin'
import { adminAuth } from './admin'

export async function requireUser(header: string | undefined) {
  const token = header?.replace(/^Bearer /, '') ?? ''
  // ruleid: firebase/admin-auth
  const decoded = await adminAuth.verifyIdToken(token, true)
  // ok: firebase/admin-auth
  return { uid: decoded.uid, admin: decoded.admin === true }
}

export async function makeAdmin(uid: string) {
  // ruleid: firebase/admin-auth
  await admin.auth().setCustomUserClaims(uid, { admin: true })
}

export async function onboard(email: string) {
  // ruleid: firebase/admin-auth
  const user = await adminAuth.createUser({ email, emailVerified: false })
  // ruleid: firebase/admin-auth
  await adminAuth.deleteUser(user.uid)
}

export function verifyLocally(jwt: { verify: (t: string) => object }, token: string) {
  // ok: firebase/admin-auth
  return jwt.verify(token)
}

const users = { deleteUser: (id: string) => id }
// ok: firebase/admin-auth
users.deleteUser('42')
// ok: firebase/admin-auth
const reminder = 'remember to call auth.verifyIdToken(token) here'
export { reminder }
