// A game backend whose Worker never checks who is calling: every write takes the caller's word.
export default {
  async fetch(request, env) {
    const url = new URL(request.url);
    if (url.pathname === '/api/badges' && request.method === 'POST') return awardBadge(request, env);
    if (url.pathname === '/api/reset') return resetBoard(request, env);
    if (url.pathname === '/api/runs') return startRun(request, env);
    if (url.pathname === '/api/board') return showBoard(env);
    return new Response('not found', { status: 404 });
  },
};

async function awardBadge(request, env) {
  const { playerId, badge } = await request.json();
  const player = (await env.PLAYERS.get(`player:${playerId}`, 'json')) ?? { badges: [] };
  player.badges.push(badge);
  // ruleid: cloudflare/worker-write-without-caller-check
  await env.PLAYERS.put(`player:${playerId}`, JSON.stringify(player));
  await env.PLAYERS.put(`badge:${badge}:${playerId}`, '1');
  return Response.json(player);
}

async function resetBoard(request, env) {
  // ruleid: cloudflare/worker-write-without-caller-check
  await env.DB.prepare('DELETE FROM scores WHERE season = ?').bind(new URL(request.url).searchParams.get('season')).run();
  return new Response('cleared');
}

async function showBoard(env) {
  // ok: cloudflare/worker-write-without-caller-check
  await env.STATS.put('board:views', String(Date.now()));
  return Response.json(await env.DB.prepare('SELECT * FROM scores LIMIT 10').all());
}

async function startRun(request, env) {
  let { playerId } = await request.json();
  if (!playerId) {
    playerId = `guest-${crypto.randomUUID()}`;
    // ok: cloudflare/worker-write-without-caller-check
    await env.PLAYERS.put(`player:${playerId}`, JSON.stringify({ badges: [] }));
  }
  // The write every caller reaches, in any player's name.
  // ruleid: cloudflare/worker-write-without-caller-check
  await env.RUNS.put(`run:${playerId}`, String(Date.now()));
  return new Response('started');
}
