// A Worker forwarding its own request to the origin is not the caller choosing a host.
export default {
  async fetch(request: Request): Promise<Response> {
    // ok: generic/request-url-fetch
    const upstream = await fetch(request);
    // A fixed host with the caller's id in the path.
    const { id } = await request.json();
    // ok: generic/request-url-fetch
    const item = await fetch(`https://api.example.test/items/${id}`);
    return new Response(upstream.body ?? (await item.text()));
  },
};
