import { createClient } from 'npm:@supabase/supabase-js@2'

const supabase = createClient(Deno.env.get('SUPABASE_URL')!, Deno.env.get('SUPABASE_SECRET_KEY')!)
// ruleid: supabase/ai
const model = new Supabase.ai.Session('gte-small')

export async function embedAndStore(id: string, text: string) {
  const embedding = (await model.run(text, { mean_pool: true, normalize: true })) as number[]
  // ruleid: supabase/ai
  const index = supabase.storage.vectors.from('docs').index('by-text')
  await index.putVectors({ vectors: [{ key: id, data: { float32: embedding } }] })
  // ok: supabase/ai
  await supabase.from('documents').insert({ id, embedding })
  return index
}

export function lookAlikes(openai: { ai: { Session: new (m: string) => unknown } }) {
  // ok: supabase/ai
  const other = new openai.ai.Session('gpt')
  // ok: supabase/ai
  const vectors = 'supabase.storage.vectors'
  return { other, vectors }
}
