import { getDownloadURL, ref, uploadBytes } from 'firebase/storage';
import { storage } from '../firebase';

const MAX_BYTES = 10 * 1024 * 1024;

// Stored under users/<uid>/attachments/, which storage.rules limits to the owner.
export async function uploadAttachment(uid: string, file: File): Promise<string> {
  if (file.size > MAX_BYTES) throw new Error('Attachments are limited to 10 MB');
  const objectRef = ref(storage, `users/${uid}/attachments/${Date.now()}-${file.name}`);
  const result = await uploadBytes(objectRef, file, { contentType: file.type });
  return getDownloadURL(result.ref);
}
