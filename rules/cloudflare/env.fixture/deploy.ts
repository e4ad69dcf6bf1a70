// ruleid: cloudflare/env
export const account = process.env.CLOUDFLARE_ACCOUNT_ID;
// ruleid: cloudflare/env
export const branch = process.env.CF_PAGES_BRANCH;
// ok: cloudflare/env
export const cfg = process.env.CFG_PATH;
