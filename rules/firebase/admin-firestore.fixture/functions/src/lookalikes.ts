// ok: firebase/admin-firestore
const db = new Map<string, object>()
// ok: firebase/admin-firestore
db.get('orders')

const firestore = { collection: (name: string) => ({ name }) }
// ok: firebase/admin-firestore
firestore.collection('orders')

// ok: firebase/admin-firestore
const note = "admin.firestore().collection('orders').get()"
// ok: firebase/admin-firestore
// await getFirestore().collection('orders').get()
export { note }
