// A handler object typed by the runtime's types, exported under a name of its own.
interface Env {
  REPORTS: R2Bucket
}

const worker = {
  // ruleid: cloudflare/worker-handler
  async queue(batch: MessageBatch<string>, env: Env): Promise<void> {
    for (const message of batch.messages) await env.REPORTS.put(message.id, message.body)
  },
} satisfies ExportedHandler<Env>

export default worker
