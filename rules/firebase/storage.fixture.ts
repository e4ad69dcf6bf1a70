import { getStorage, ref as storageRef, uploadBytes, getDownloadURL, deleteObject, listAll } from 'firebase/storage'
import firebase from 'firebase/compat/app'
import 'firebase/compat/storage'
import { AngularFireStorage } from '@angular/fire/compat/storage'

// ruleid: firebase/storage
const storage = getStorage()

export async function uploadAvatar(uid: string, file: Blob) {
  // ruleid: firebase/storage
  const target = storageRef(storage, `avatars/${uid}.png`)
  // ruleid: firebase/storage
  await uploadBytes(target, file, { contentType: 'image/png' })
  // ruleid: firebase/storage
  return getDownloadURL(target)
}

export async function purge(uid: string) {
  // ruleid: firebase/storage
  const all = await listAll(storageRef(storage, `uploads/${uid}`))
  // ruleid: firebase/storage
  await Promise.all(all.items.map((item) => deleteObject(item)))
}

// ruleid: firebase/storage
firebase.storage().ref('exports/report.csv').put(new Blob(['a,b']))

const s3 = { getDownloadURL: (key: string) => `https://cdn.example.com/${key}` }
// ok: firebase/storage
s3.getDownloadURL('avatars/1.png')
// ok: firebase/storage
const storageLike = new Map<string, Blob>()
// ok: firebase/storage
storageLike.delete('avatars/1.png')
// ok: firebase/storage
const doc = 'uploadBytes(ref(storage, path), file) then getDownloadURL(ref)'
export { doc }

export class AvatarUploads {
  constructor(private readonly storage: AngularFireStorage) {}

  put(uid: string, file: Blob) {
    // ruleid: firebase/storage
    return this.storage.upload(`avatars/${uid}`, file)
  }
}
