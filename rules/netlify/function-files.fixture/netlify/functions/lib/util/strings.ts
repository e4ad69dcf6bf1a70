// ok: netlify/function-files
export const upper = (s: string) => s.toUpperCase();
