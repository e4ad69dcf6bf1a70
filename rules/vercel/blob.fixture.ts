import { put, del, list } from '@vercel/blob';
import { handleUpload } from '@vercel/blob/client';

export async function save(file: File) {
  // ruleid: vercel/blob
  const blob = await put(`avatars/${file.name}`, file, { access: 'public' });
  // ruleid: vercel/blob
  await del(blob.url);
  // ruleid: vercel/blob
  return list({ prefix: 'avatars/' });
}

export async function POST(request: Request) {
  const body = await request.json();
  // ruleid: vercel/blob
  return handleUpload({ body, request, onBeforeGenerateToken: async () => ({}), onUploadCompleted: async () => {} });
}

const cache = { put: (k: string, v: unknown) => [k, v] };
// ok: vercel/blob
cache.put('key', 1);

export function local(put: (path: string) => void) {
  // ok: vercel/blob
  put('not-a-blob');
}
