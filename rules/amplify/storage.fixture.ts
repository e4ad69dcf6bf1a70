import { uploadData, getUrl } from 'aws-amplify/storage';

export async function saveAvatar(file: File) {
  // ruleid: amplify/storage
  await uploadData({ path: ({ identityId }) => `avatars/${identityId}/me.png`, data: file }).result;
  // ruleid: amplify/storage
  return getUrl({ path: 'public/logo.png' });
}

function remove(path: string) {
  return path;
}
// ok: amplify/storage
remove('local/file');
