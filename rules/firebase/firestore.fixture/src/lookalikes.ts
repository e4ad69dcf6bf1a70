// A local helper that happens to share Firestore's function names.
function collection<T>(items: T[]) {
  return { items, size: items.length }
}
function doc(path: string) {
  return { path }
}

// ok: firebase/firestore
const local = collection([1, 2, 3])
// ok: firebase/firestore
const page = doc('readme.md')

// ok: firebase/firestore
const db = new Map<string, unknown>()
// ok: firebase/firestore
db.get('orders')

// ok: firebase/firestore
const hint = "await getDocs(collection(db, 'orders'))"
// ok: firebase/firestore
// addDoc(collection(db, 'orders'), order)
export { local, page, hint }
