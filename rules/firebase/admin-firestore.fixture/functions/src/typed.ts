// Repositories that are handed the Admin Firestore instance by type.
import type { Firestore } from 'firebase-admin/firestore'
import type { firestore } from 'firebase-admin'

export class UserRepository {
  constructor(private readonly store: Firestore) {}

  byId(id: string) {
    // ruleid: firebase/admin-firestore
    return this.store.collection('users').doc(id).get()
  }
}

export function countTeams(db: firestore.Firestore) {
  // ruleid: firebase/admin-firestore
  return db.collection('teams').count().get()
}

interface Store { collection(name: string): unknown }

export function localStore(db: Store) {
  // ok: firebase/admin-firestore
  return db.collection('teams')
}
