// A rename guarded by a key check that only applies while the key is configured: without it, anyone renames.
import { getStore } from '@netlify/blobs';

export default async (request) => {
  const organiserKey = process.env.ORGANISER_KEY;
  if (organiserKey && request.headers.get('x-organiser-key') !== organiserKey) {
    return new Response('forbidden', { status: 403 });
  }
  const { team, name } = await request.json();
  const teams = getStore('teams');
  // ruleid: netlify/blobs-write-without-caller-check
  await teams.set(team, name);
  return new Response(null, { status: 204 });
};
