// An SK-and-hex string far from any SMS client is just an id.
// ok: generic/messaging-token
const cacheKey = 'SK485814520aee984117ee67bb32bf7191';

export { cacheKey };
