import { supabase } from '@/lib/supabaseClient'
import { makeRepo } from '../legacy/repo'

export async function listNotes(ownerId: string) {
  // ruleid: supabase/query-builder
  const { data, error } = await supabase.from('notes').select('id, body, author:profiles(name)').eq('owner_id', ownerId).order('created_at')
  if (error) throw error
  return data
}

export async function addNote(body: string) {
  // ruleid: supabase/query-builder
  const table = supabase.from('notes')
  // ok: supabase/query-builder
  return table.insert({ body }).select().single()
}

export async function archived() {
  // ruleid: supabase/query-builder
  return supabase.schema('archive').from('notes').select('*')
}

export function lookAlikes(pool: unknown) {
  // ok: supabase/query-builder
  const supabase = makeRepo(pool); supabase.from('orders')
  // ok: supabase/query-builder
  // supabase.from('notes') in a comment is not a call
  const sql = "supabase.from('notes').select()"
  return sql
}
