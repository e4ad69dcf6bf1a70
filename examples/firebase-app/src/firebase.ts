import { initializeApp } from 'firebase/app';
import { getAuth } from 'firebase/auth';
import { getFirestore } from 'firebase/firestore';
import { getFunctions } from 'firebase/functions';
import { getStorage } from 'firebase/storage';

// Web app config from the Firebase console. These values identify the project
// and are public by design; access is enforced by firestore.rules and storage.rules.
const firebaseConfig = {
  apiKey: 'AIzaSyAHIS3hlyosbohKagkXGStSOyLzXSQuwev',
  authDomain: 'taskboard-demo-4f2a1.firebaseapp.com',
  projectId: 'taskboard-demo-4f2a1',
  storageBucket: 'taskboard-demo-4f2a1.firebasestorage.app',
  messagingSenderId: '604117203358',
  appId: '1:604117203358:web:3f9c2a7d1e5b8c04a6d2e1',
};

export const app = initializeApp(firebaseConfig);
export const db = getFirestore(app);
export const auth = getAuth(app);
export const storage = getStorage(app);
export const functions = getFunctions(app, 'europe-west1');
