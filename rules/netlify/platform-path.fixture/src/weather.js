export async function forecast(city) {
  // ruleid: netlify/platform-path
  const res = await fetch(`/.netlify/functions/forecast?city=${encodeURIComponent(city)}`);
  return res.json();
}

// ok: netlify/platform-path
export const api = '/api/forecast';
