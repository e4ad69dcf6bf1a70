// Uploads a cover picture for a class album.
//
// Callers authenticate with the header x-upload-secret:
// ruleid: generic/env-fallback-secret
//   x-upload-secret: Pl4netK3y?
//
// The key is not repeated here: only its name, UPLOAD_SECRET, and a word that merely contains it.
// ok: generic/env-fallback-secret
// (see Pl4netK3y?s and PrePl4netK3y? for the old naming scheme)

// ruleid: generic/env-fallback-secret
const uploadSecret = process.env.UPLOAD_SECRET || 'Pl4netK3y?';

export default async function upload(request) {
  if (request.headers.get('x-upload-secret') !== uploadSecret) return new Response('no', { status: 401 });
  return new Response('ok');
}
