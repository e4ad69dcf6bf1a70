// AngularFire (compat API): the Firestore service reaches a class through constructor injection.
import { Injectable } from '@angular/core'
import { AngularFirestore, AngularFirestoreDocument } from '@angular/fire/compat/firestore'

interface Ticket {
  title: string
  open: boolean
}

@Injectable({ providedIn: 'root' })
export class TicketService {
  private readonly path = 'tickets'

  constructor(private readonly afs: AngularFirestore) {}

  openTickets() {
    // ruleid: firebase/firestore
    return this.afs.collection<Ticket>(this.path, (ref) => ref.where('open', '==', true)).valueChanges()
  }

  file(ticket: Ticket) {
    // ruleid: firebase/firestore
    return this.afs.collection(this.path).add(ticket)
  }

  close(id: string) {
    // ruleid: firebase/firestore
    const doc: AngularFirestoreDocument<Ticket> = this.afs.doc(`tickets/${id}`)
    // ruleid: firebase/firestore
    return doc.update({ open: false })
  }
}

// A class of our own that happens to share the name, in a file that does not import AngularFire.
class AngularFirestoreStub {
  collection(name: string) {
    return { add: (value: object) => ({ name, value }) }
  }
}

export class Archive {
  constructor(private readonly store: AngularFirestoreStub) {}

  keep(ticket: Ticket) {
    // ok: firebase/firestore
    return this.store.collection('archive').add(ticket)
  }
}
