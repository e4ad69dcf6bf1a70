// Front-end code: a default export is no Netlify entry point.
// ok: netlify/function-handler
export default async (req) => req
