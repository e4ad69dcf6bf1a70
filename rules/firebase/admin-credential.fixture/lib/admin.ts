import { applicationDefault, cert, initializeApp } from 'firebase-admin/app'

export const app = process.env.SERVICE_ACCOUNT
  // ruleid: firebase/admin-credential
  ? initializeApp({ credential: cert(JSON.parse(process.env.SERVICE_ACCOUNT)) })
  // ruleid: firebase/admin-credential
  : initializeApp({ credential: applicationDefault() })

// ok: firebase/admin-credential
export const region = process.env.FUNCTION_REGION ?? 'europe-west1'
