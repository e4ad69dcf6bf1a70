export const firebaseConfig = {
  // ruleid: firebase/env
  apiKey: import.meta.env.VITE_FIREBASE_API_KEY,
  // ruleid: firebase/env
  authDomain: import.meta.env.VITE_FIREBASE_AUTH_DOMAIN,
  // ruleid: firebase/env
  projectId: process.env.FIREBASE_PROJECT_ID,
}

// ruleid: firebase/env
export const ciToken = process.env['FIREBASE_TOKEN']

// ok: firebase/env
export const apiUrl = process.env.API_URL
// ok: firebase/env
export const label = 'set FIREBASE_API_KEY in your hosting dashboard'
// ok: firebase/env
export const firebaseApiKey = process.env.PUBLIC_WEB_KEY
