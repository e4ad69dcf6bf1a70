import { collection, orderBy, query } from 'firebase/firestore'
import { useFirestore, useFirestoreCollectionData, useSigninCheck } from 'reactfire'
import { useAuthState } from 'react-firebase-hooks/auth'

export function Board({ auth }) {
  // ruleid: firebase/binding-hooks
  const db = useFirestore()
  // ruleid: firebase/binding-hooks
  const { status, data: cards } = useFirestoreCollectionData(query(collection(db, 'cards'), orderBy('rank')))
  // ruleid: firebase/binding-hooks
  const { data: signIn } = useSigninCheck()
  // ruleid: firebase/binding-hooks
  const [user] = useAuthState(auth)
  return status === 'success' && signIn.signedIn ? cards.map((c) => c.title + user.uid) : null
}
