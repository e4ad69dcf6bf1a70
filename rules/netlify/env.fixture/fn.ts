// ruleid: netlify/env
export const site = process.env.NETLIFY_SITE_ID;
// ruleid: netlify/env
export const onNetlify = process.env.NETLIFY === 'true';
// ruleid: netlify/env
export const preview = process.env.DEPLOY_PRIME_URL;
// ok: netlify/env
export const url = process.env.SITE_URL;
