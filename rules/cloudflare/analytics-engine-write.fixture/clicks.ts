export default {
  async fetch(request: Request, env: { CLICKS: { writeDataPoint(point: object): void } }): Promise<Response> {
    const slug = new URL(request.url).pathname.slice(1)
    // ruleid: cloudflare/analytics-engine-write
    env.CLICKS.writeDataPoint({ blobs: [slug], doubles: [1], indexes: [slug] })
    const log = { writeDataPoint: (point: object) => console.log(point) }
    // ok: cloudflare/analytics-engine-write
    log.writeDataPoint({ slug })
    return Response.redirect(`https://example.com/${slug}`, 302)
  },
}
