// Not a Netlify Function: an app's own settings object.
// ok: netlify/function-config
export const config = { path: '/home' };
