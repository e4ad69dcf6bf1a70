// Look-alike in the same older format (an ESM `handler` export): only the organiser's key may close a poll.
import { getStore } from '@netlify/blobs';

export const handler = async (event) => {
  const key = event.headers['x-organiser-key'];
  if (!process.env.ORGANISER_KEY || key !== process.env.ORGANISER_KEY) return { statusCode: 403 };
  const polls = getStore('poll-state');
  // ok: netlify/blobs-write-without-caller-check
  await polls.set('closed', 'yes');
  return { statusCode: 204 };
};
