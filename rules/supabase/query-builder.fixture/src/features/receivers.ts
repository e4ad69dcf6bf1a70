// The client handed around the way service layers do it: kept on `this`, typed as a parameter,
// carried in a dependencies object.
import type { SupabaseClient } from '@supabase/supabase-js'
import { supabase } from '@/lib/supabaseClient'
import knex from 'knex'

export class InvoiceService {
  constructor(private readonly db: SupabaseClient) {}

  unpaid() {
    // ruleid: supabase/query-builder
    return this.db.from('invoices').select('*').eq('paid', false)
  }
}

export class AuditLog {
  private readonly client = supabase

  write(entry: string) {
    // ruleid: supabase/query-builder
    return this.client.from('audit_log').insert({ entry })
  }
}

export async function countSeats(client: SupabaseClient<unknown>, teamId: string) {
  // ruleid: supabase/query-builder
  return client.from('seats').select('id', { count: 'exact' }).eq('team_id', teamId)
}

const services = { db: supabase }

export function recentOrders() {
  // ruleid: supabase/query-builder
  return services.db.from('orders').select('*').limit(10)
}

export function reports(warehouse = knex({ client: 'pg' })) {
  const supabase = warehouse
  // ok: supabase/query-builder
  return supabase.from('reports').select('*')
}
