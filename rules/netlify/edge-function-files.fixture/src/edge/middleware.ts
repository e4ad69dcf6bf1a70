// ok: netlify/edge-function-files
export const middleware = (req: Request) => req;
