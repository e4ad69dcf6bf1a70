import { createClient } from '@supabase/supabase-js'

const supabase = createClient('https://example.supabase.co', 'public-anon-key')

export async function saveAvatar(userId: string, file: File) {
  // ruleid: supabase/storage
  const { error } = await supabase.storage.from('avatars').upload(`${userId}/avatar.png`, file, { upsert: true })
  if (error) throw error
  // ruleid: supabase/storage
  return supabase.storage.from('avatars').getPublicUrl(`${userId}/avatar.png`).data.publicUrl
}

export async function shareInvoice(path: string) {
  const bucket = supabase.storage
  // ruleid: supabase/storage
  const { data } = await bucket.from('invoices').createSignedUrl(path, 60)
  // ok: supabase/storage
  const buckets = await supabase.storage.listBuckets()
  return { data, buckets }
}

export function lookAlikes(s3: { storage: { from(b: string): unknown } }) {
  // ok: supabase/storage
  const files = s3.storage.from('avatars')
  // ok: supabase/storage
  const doc = "supabase.storage.from('avatars').upload(...)"
  return { files, doc }
}
