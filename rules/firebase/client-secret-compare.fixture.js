import { collection, doc, getDoc, getDocs, query, where } from 'firebase/firestore';
import { db } from './firebaseSetup';

export async function joinClub(clubName, typedCode) {
  const found = await getDocs(query(collection(db, 'clubs'), where('name', '==', clubName)));
  const club = found.docs[0].data();
  // ruleid: firebase/client-secret-compare
  if (typedCode !== club.joinCode) return false;
  return true;
}

export async function unlockLocker(lockerId, pin) {
  const snap = await getDoc(doc(db, 'lockers', lockerId));
  // ruleid: firebase/client-secret-compare
  return snap.data().pin === pin;
}

export async function lookAlikes(lockerId, form) {
  const snap = await getDoc(doc(db, 'lockers', lockerId));
  const locker = snap.data();
  // A postal code is not a secret.
  // ok: firebase/client-secret-compare
  if (locker.postalCode === form.postalCode) console.log('same area');
  // Checking that a code was set at all reveals nothing.
  // ok: firebase/client-secret-compare
  if (locker.pin === null) console.log('no pin yet');
  // A plain object, not a document's data.
  const settings = { pin: form.pin };
  // ok: firebase/client-secret-compare
  return settings.pin === form.repeatPin;
}
