import { getStore } from '@netlify/blobs'

const toKey = (name) => String(name).replace(/^\/+/, '')

// ruleid: netlify/function-handler
export default async (req, context) => {
  const store = getStore('galleries')
  const list = await store.list({ prefix: toKey(context.params.owner ?? '') })
  return Response.json(list.blobs)
}

export const config = { path: '/api/gallery/:owner' }
