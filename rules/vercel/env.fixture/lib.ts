// ruleid: vercel/env
export const isPreview = process.env.VERCEL_ENV === 'preview';
// ruleid: vercel/env
export const blobToken = process.env.BLOB_READ_WRITE_TOKEN;
// ruleid: vercel/env
export const url = process.env.NEXT_PUBLIC_VERCEL_URL;
// ok: vercel/env
export const node = process.env.NODE_ENV;
