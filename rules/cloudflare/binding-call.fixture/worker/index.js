// A Worker with one binding in its config and two set up elsewhere (the dashboard).
import { env as workerEnv } from 'cloudflare:workers'

export default {
  async fetch(request, env) {
    const body = await request.text()
    // ok: cloudflare/binding-call
    await env.SCORES.put('latest', body)
    // ruleid: cloudflare/binding-call
    await env.ARCHIVE.put(`score:${Date.now()}`, body)
    await saveTranscript(env, body)
    // ok: cloudflare/binding-call
    return new Response(env.GREETING.toUpperCase())
  },
}

async function saveTranscript(env, body) {
  // ruleid: cloudflare/binding-call
  await env.TRANSCRIPTS.prepare('insert into transcripts (body) values (?)').bind(body).run()
  // ruleid: cloudflare/binding-call
  await workerEnv.JOBS.send({ kind: 'transcript' })
}
