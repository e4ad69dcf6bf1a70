// References and queries kept in variables and fields, then used later.
import { getFirestore } from 'firebase-admin/firestore'

export class InvoiceStore {
  // ruleid: firebase/admin-firestore
  private readonly store = getFirestore()

  async page(size: number, after?: string) {
    // ruleid: firebase/admin-firestore
    const invoices = this.store.collection('invoices')
    // ruleid: firebase/admin-firestore
    let page = invoices.orderBy('issuedAt', 'desc').limit(size)
    if (after) {
      // ruleid: firebase/admin-firestore
      const last = await invoices.doc(after).get()
      // ruleid: firebase/admin-firestore
      page = page.startAfter(last)
    }
    // ruleid: firebase/admin-firestore
    const snap = await page.get()
    // The snapshot's own accessors are plain data, not Firestore calls.
    // ok: firebase/admin-firestore
    return snap.docs.map((d) => d.data())
  }

  async archive(id: string) {
    // ruleid: firebase/admin-firestore
    const ref = this.store.doc(`invoices/${id}`)
    // ruleid: firebase/admin-firestore
    await ref.set({ archived: true }, { merge: true })
  }
}

// A query builder with the same method names (Knex-like) is not Firestore.
interface Builder {
  where(column: string, value: unknown): Builder
  orderBy(column: string): Builder
  limit(n: number): Builder
  get(): Promise<unknown[]>
}

export async function knexLike(table: Builder) {
  // ok: firebase/admin-firestore
  let q = table.where('open', true).orderBy('name')
  // ok: firebase/admin-firestore
  q = q.limit(10)
  // ok: firebase/admin-firestore
  return q.get()
}

class LocalRepo {
  collection(name: string) {
    return { doc: (id: string) => ({ set: (v: object) => ({ name, id, v }) }) }
  }
}

export function local() {
  const ref = new LocalRepo().collection('x').doc('y')
  // ok: firebase/admin-firestore
  return ref.set({})
}
