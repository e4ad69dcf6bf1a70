import { getDataConnect, executeQuery, queryRef } from 'firebase/data-connect'
import { getDataConnect as getAdminDataConnect } from 'firebase-admin/data-connect'

const connectorConfig = { connector: 'default', service: 'shop', location: 'europe-west1' }
// ruleid: firebase/data-connect
const dc = getDataConnect(connectorConfig)

export async function listProducts() {
  // ruleid: firebase/data-connect
  const ref = queryRef(dc, 'ListProducts')
  // ruleid: firebase/data-connect
  const { data } = await executeQuery(ref)
  // ok: firebase/data-connect
  return data
}

export async function adminQuery() {
  // ruleid: firebase/data-connect
  return getAdminDataConnect(connectorConfig).executeGraphql('query { products { id } }')
}

const graphql = { executeQuery: (q: string) => q }
// ok: firebase/data-connect
graphql.executeQuery('{ products { id } }')
// ok: firebase/data-connect
const sql = 'executeQuery(queryRef(dc, "ListProducts"))'
export { sql }
