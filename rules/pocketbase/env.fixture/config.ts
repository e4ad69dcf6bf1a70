// ruleid: pocketbase/env
export const url = import.meta.env.VITE_POCKETBASE_URL;
// ruleid: pocketbase/env
export const serverUrl = process.env.POCKETBASE_URL;
// ok: pocketbase/env
export const other = process.env.API_URL;
