import { getStorage, getDownloadURL } from 'firebase-admin/storage'
import * as admin from 'firebase-admin'

export async function publishReport(csv: string) {
  // ruleid: firebase/admin-storage
  const bucket = getStorage().bucket()
  // ok: firebase/admin-storage
  const file = bucket.file('reports/latest.csv')
  // ok: firebase/admin-storage
  await file.save(csv, { contentType: 'text/csv' })
  // ruleid: firebase/admin-storage
  return getDownloadURL(file)
}

// ruleid: firebase/admin-storage
admin.storage().bucket('demo-exports').deleteFiles({ prefix: 'tmp/' })

const cloud = { bucket: (name: string) => ({ name }) }
// ok: firebase/admin-storage
cloud.bucket('assets')
// ok: firebase/admin-storage
const hint = "getStorage().bucket().file('x').save(data)"
export { hint }
