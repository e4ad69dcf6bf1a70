import { initializeApp, getApp } from 'firebase/app'
import firebase from 'firebase/compat/app'
import * as admin from 'firebase-admin'
import { initializeApp as initAdmin, cert } from 'firebase-admin/app'
import { AngularFireModule } from '@angular/fire/compat'

const firebaseConfig = { apiKey: 'public-web-key', authDomain: 'demo.firebaseapp.com', projectId: 'demo' }

// ruleid: firebase/initialize-app
export const app = initializeApp(firebaseConfig)
// ruleid: firebase/initialize-app
const legacy = firebase.initializeApp(firebaseConfig, 'legacy')
// ruleid: firebase/initialize-app
admin.initializeApp()
// ruleid: firebase/initialize-app
const adminApp = initAdmin({ credential: cert('./service-account.json') }, 'admin')

// AngularFire's module, set up from the environment's web config in an NgModule's imports.
// ruleid: firebase/initialize-app
export const angularImports = [AngularFireModule.initializeApp(firebaseConfig)]

// ok: firebase/initialize-app
const existing = getApp()

function setup() {
  // A local function with the SDK factory's name is not Firebase.
  function initializeApp(options: { name: string }) {
    return { ...options, started: true }
  }
  // ok: firebase/initialize-app
  return initializeApp({ name: 'plugin-host' })
}

const framework = { initializeApp: (name: string) => name }
// ok: firebase/initialize-app
framework.initializeApp('router')
// ok: firebase/initialize-app
const docs = 'call initializeApp(firebaseConfig) once at start-up'
// ok: firebase/initialize-app
// initializeApp(firebaseConfig)
export { legacy, adminApp, existing, setup, docs }
