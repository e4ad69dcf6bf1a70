import { initializeApp } from 'firebase/app'
import { initializeAppCheck, ReCaptchaEnterpriseProvider, getToken } from 'firebase/app-check'
import { getAppCheck } from 'firebase-admin/app-check'

const app = initializeApp({ projectId: 'demo' })
// ruleid: firebase/app-check
const appCheck = initializeAppCheck(app, {
  // ruleid: firebase/app-check
  provider: new ReCaptchaEnterpriseProvider('site-key-placeholder'),
  isTokenAutoRefreshEnabled: true,
})

export async function headers() {
  // ruleid: firebase/app-check
  const { token } = await getToken(appCheck, false)
  // ok: firebase/app-check
  return { 'X-Firebase-AppCheck': token }
}

export async function verify(header: string) {
  // ruleid: firebase/app-check
  return getAppCheck().verifyToken(header)
}

const turnstile = { getToken: () => 'widget-token' }
// ok: firebase/app-check
turnstile.getToken()
// ok: firebase/app-check
const todo = 'initializeAppCheck(app, { provider }) before any Firestore call'
export { todo }
