import { GoogleAuthProvider, onAuthStateChanged, signInWithPopup, signOut, type User } from 'firebase/auth';
import { doc, serverTimestamp, setDoc } from 'firebase/firestore';
import { auth, db } from '../firebase';

const provider = new GoogleAuthProvider();
provider.setCustomParameters({ prompt: 'select_account' });

export async function signInWithGoogle(): Promise<User> {
  const { user } = await signInWithPopup(auth, provider);
  // Keep a profile document so other features can show names and avatars.
  await setDoc(
    doc(db, 'users', user.uid),
    { displayName: user.displayName, photoURL: user.photoURL, lastLoginAt: serverTimestamp() },
    { merge: true },
  );
  return user;
}

export function watchUser(callback: (user: User | null) => void): () => void {
  return onAuthStateChanged(auth, callback);
}

export function signOutUser(): Promise<void> {
  return signOut(auth);
}
