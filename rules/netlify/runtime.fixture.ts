import { schedule, purgeCache } from '@netlify/functions';

// ruleid: netlify/runtime
const apiKey = Netlify.env.get('API_KEY');

export default async () => {
  // ruleid: netlify/runtime
  const geo = Netlify.context?.geo;
  // ruleid: netlify/runtime
  await purgeCache({ tags: ['products'] });
  return Response.json({ geo, hasKey: Boolean(apiKey) });
};

// ruleid: netlify/runtime
export const handler = schedule('@daily', async () => ({ statusCode: 200 }));

export function shadowed(Netlify: { env: { get(k: string): string } }) {
  // ok: netlify/runtime
  return Netlify.env.get('LOCAL');
}

// ok: netlify/runtime
export const doc = "Netlify.env.get('API_KEY')";
