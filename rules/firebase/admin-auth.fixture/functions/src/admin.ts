import * as admin from 'firebase-admin'
import { getAuth } from 'firebase-admin/auth'

admin.initializeApp()
// ok: firebase/admin-auth
export const adminAuth = getAuth()
