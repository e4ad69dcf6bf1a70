// The organiser's reset: guarded by a header compared with a configured key, refused when it is unset.
import { getStore } from '@netlify/blobs';

export default async (request) => {
  const organiserKey = process.env.ORGANISER_KEY;
  if (!organiserKey || request.headers.get('x-organiser-key') !== organiserKey) {
    return new Response('forbidden', { status: 403 });
  }
  const { team } = await request.json();
  // ok: netlify/blobs-write-without-caller-check
  await getStore('scoreboard').delete(team);
  return new Response(null, { status: 204 });
};
