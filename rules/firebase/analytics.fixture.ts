import { getAnalytics, logEvent } from 'firebase/analytics'
import { getPerformance, trace } from 'firebase/performance'
import firebase from 'firebase/compat/app'

// ruleid: firebase/analytics
const analytics = getAnalytics()
// ruleid: firebase/analytics
const perf = getPerformance()

export function checkout(value: number) {
  // ruleid: firebase/analytics
  logEvent(analytics, 'purchase', { value, currency: 'EUR' })
  // ruleid: firebase/analytics
  const t = trace(perf, 'checkout')
  // ok: firebase/analytics
  t.start()
}

// ruleid: firebase/analytics
firebase.analytics().logEvent('page_view')

const posthog = { capture: (event: string) => event, logEvent: (event: string) => event }
// ok: firebase/analytics
posthog.logEvent('purchase')
// ok: firebase/analytics
const reminder = "logEvent(analytics, 'purchase')"
export { reminder }
