// Workers AI in a WorkerEntrypoint class.
import { WorkerEntrypoint } from 'cloudflare:workers'

interface Env { AI: Ai }

export default class Summaries extends WorkerEntrypoint<Env> {
  async summarise(text: string) {
    // ruleid: cloudflare/ai-run
    return this.env.AI.run('@cf/meta/llama-3.1-8b-instruct', { prompt: text })
  }
}

export function fake(ai: { run(model: string): string }) {
  // ok: cloudflare/ai-run
  return ai.run('local')
}
