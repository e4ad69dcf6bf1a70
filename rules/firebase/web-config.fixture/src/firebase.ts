import { initializeApp } from 'firebase/app'

// ruleid: firebase/web-config
const webConfig = { apiKey: 'public-key', authDomain: 'demo.firebaseapp.com', projectId: 'demo',
  messagingSenderId: '1234', appId: '1:1234:web:abcd' }

export const app = initializeApp(webConfig)
