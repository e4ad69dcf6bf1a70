// A Worker's bindings typed in code: the declarations that tie it to the runtime's objects.
import { Hono } from 'hono'
import type { Queue as JobQueue } from 'bullmq'

interface Env {
  // ruleid: cloudflare/binding-type
  LEDGER: D1Database
  // ruleid: cloudflare/binding-type
  readonly SESSIONS?: KVNamespace;
  // ok: cloudflare/binding-type
  SIGNING_SECRET: string
}

// ruleid: cloudflare/binding-type
type Bindings = { UPLOADS: R2Bucket, LOBBY: DurableObjectNamespace<Lobby> }

export const app = new Hono<{ Bindings: Bindings }>()

export interface Lobby {
  // The queue of a job library shares the runtime's type name: left to its calls.
  // ok: cloudflare/binding-type
  pending: JobQueue
  // A function taking a binding declares no binding.
  // ok: cloudflare/binding-type
  reset(store: KVNamespace): Promise<void>
  // A value built from the type is no declaration either.
  // ok: cloudflare/binding-type
  kind: typeof D1Database.name
}
