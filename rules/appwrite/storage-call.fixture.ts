import { Client, ID, Storage } from 'appwrite';

const storage = new Storage(new Client().setProject('demo-project'));

export async function upload(file: File) {
  // ruleid: appwrite/storage-call
  const created = await storage.createFile({ bucketId: 'photos', fileId: ID.unique(), file });
  // ruleid: appwrite/storage-call
  return storage.getFileView({ bucketId: 'photos', fileId: created.$id });
}

const cache = new Map<string, File>();
// ok: appwrite/storage-call
cache.get('x');
