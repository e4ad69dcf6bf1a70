import { createClient } from '@supabase/supabase-js'

const admin = createClient('https://example.supabase.co', process.env.SUPABASE_SECRET_KEY!)

export async function provision() {
  // ruleid: supabase/storage-buckets
  const { data: existing } = await admin.storage.listBuckets()
  // ruleid: supabase/storage-buckets
  await admin.storage.createBucket('reports', { public: false, fileSizeLimit: '10MB', allowedMimeTypes: ['application/pdf'] })
  // ruleid: supabase/storage-buckets
  await admin.storage.emptyBucket('tmp')
  // ruleid: supabase/storage-buckets
  const lake = admin.storage.analytics
  // ok: supabase/storage-buckets
  await admin.storage.from('reports').list()
  return { existing, lake }
}

export function lookAlikes(gcs: { storage: { createBucket(n: string): void } }) {
  // ok: supabase/storage-buckets
  gcs.storage.createBucket('reports')
  return null
}
