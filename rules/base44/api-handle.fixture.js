import { createClient } from '@base44/sdk'

export const base44 = createClient({ appId: 'app_123' })

// ruleid: base44/api-handle
export const Deal = base44.entities.Deal
// ruleid: base44/api-handle
export const User = base44.auth
// ruleid: base44/api-handle
export const InvokeLLM = base44.integrations.Core.InvokeLLM
// ruleid: base44/api-handle
const { Contact, Activity } = base44.entities

// ok: base44/api-handle
const deals = await base44.entities.Deal.list()
// ok: base44/api-handle
await base44.auth.me()
// ok: base44/api-handle
await base44.integrations.Core.SendEmail({ to: 'a@b.c', subject: 's', body: 'b' })

const fake = { entities: { Deal: {} } }
// ok: base44/api-handle
export const FakeDeal = fake.entities.Deal
