import { migrate } from './db';
// ok: pocketbase/migrations
migrate(() => undefined);
