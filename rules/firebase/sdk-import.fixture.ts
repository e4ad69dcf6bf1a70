// ruleid: firebase/sdk-import
import { initializeApp } from 'firebase/app'
// ruleid: firebase/sdk-import
import firebase from 'firebase/compat/app'
// ruleid: firebase/sdk-import
import 'firebase/compat/firestore'
// ruleid: firebase/sdk-import
import * as admin from 'firebase-admin'
// ruleid: firebase/sdk-import
import { onRequest } from 'firebase-functions/v2/https'
// ruleid: firebase/sdk-import
const functions = require('firebase-functions/v1')
// ruleid: firebase/sdk-import
const { getStorage } = await import('firebase/storage')
// ruleid: firebase/sdk-import
import { getAuth } from 'https://www.gstatic.com/firebasejs/10.12.0/firebase-auth.js'
// ruleid: firebase/sdk-import
import { AngularFireAuth } from '@angular/fire/compat/auth'

// ok: firebase/sdk-import
import { firebaseLikeHelper } from './lib/firebase'
// ok: firebase/sdk-import
import { initializeApp as init } from '@my-org/firebase-wrapper'
// ok: firebase/sdk-import
const label = "import { getFirestore } from 'firebase/firestore'"
// ok: firebase/sdk-import
// import { getAuth } from 'firebase/auth'
export { initializeApp, firebase, admin, onRequest, functions, getStorage, getAuth, firebaseLikeHelper, init, label }
