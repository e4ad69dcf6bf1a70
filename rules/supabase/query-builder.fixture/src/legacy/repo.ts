export function makeRepo(pool: unknown) {
  return { from: (table: string) => ({ pool, table }) }
}
// ok: supabase/query-builder
export const orders = makeRepo(null).from('orders')
