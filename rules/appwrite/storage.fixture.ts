import { Client, Storage, ID } from 'appwrite';

const client = new Client().setEndpoint('https://cloud.appwrite.io/v1').setProject('demo-project');

// ruleid: appwrite/storage
const storage = new Storage(client);

export function upload(file: File) {
  return storage.createFile({ bucketId: 'avatars', fileId: ID.unique(), file });
}

export function withLocalStorage(Storage: new (name: string) => { get(): string }) {
  // ok: appwrite/storage
  return new Storage('local');
}

// ok: appwrite/storage
const storageNote = 'new Storage(client)';
export { storageNote };
