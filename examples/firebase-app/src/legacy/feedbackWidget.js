// Feedback widget embedded on the marketing site. That site still ships the
// namespaced (compat) SDK, so this file stays on it until the site is rebuilt.
import firebase from 'firebase/compat/app';
import 'firebase/compat/firestore';

const app = firebase.apps.length ? firebase.app() : firebase.initializeApp(window.TASKBOARD_FIREBASE_CONFIG);
const db = app.firestore();

export async function submitFeedback(message, email) {
  const text = String(message ?? '').trim();
  if (!text) throw new Error('Feedback cannot be empty');
  await db.collection('feedback').add({
    message: text.slice(0, 2000),
    email: email || null,
    page: window.location.pathname,
    createdAt: firebase.firestore.FieldValue.serverTimestamp(),
  });
}
