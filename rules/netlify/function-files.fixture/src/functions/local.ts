// ok: netlify/function-files
export const notNetlify = () => 'local function';
