import PocketBase from 'pocketbase';

const pb = new PocketBase('http://127.0.0.1:8090');

export function avatarUrl(record: { id: string; avatar: string }) {
  // ruleid: pocketbase/files
  return pb.files.getURL(record, record.avatar, { thumb: '100x100' });
}

export async function protectedToken() {
  // ruleid: pocketbase/files
  return pb.files.getToken();
}

const cdn = { files: { getURL: (name: string) => `/static/${name}` } };
// ok: pocketbase/files
export const logo = cdn.files.getURL('logo.png');
