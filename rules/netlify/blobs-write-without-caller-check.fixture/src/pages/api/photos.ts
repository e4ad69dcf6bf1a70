// An Astro endpoint: uploads land in the store under the uploader's own file name, for anyone.
import type { APIRoute } from 'astro';
import { getStore } from '@netlify/blobs';
import { readSession } from '../../session';

export const POST: APIRoute = async ({ request }) => {
  const form = await request.formData();
  const photo = form.get('photo') as File;
  const photos = getStore({ name: 'photos', consistency: 'strong' });
  // ruleid: netlify/blobs-write-without-caller-check
  await photos.set(photo.name, photo);
  return new Response(null, { status: 201 });
};

export const DELETE: APIRoute = async ({ request, cookies }) => {
  const session = await readSession(cookies.get('sid')?.value);
  if (!session) return new Response('sign in first', { status: 401 });
  const { name } = await request.json();
  // ok: netlify/blobs-write-without-caller-check
  await getStore('photos').delete(`${session.userId}/${name}`);
  return new Response(null, { status: 204 });
};

export const GET: APIRoute = async ({ url }) => {
  const photos = getStore('photos');
  // ok: netlify/blobs-write-without-caller-check
  const blob = await photos.get(url.searchParams.get('name') ?? '', { type: 'blob' });
  return new Response(blob);
};
