import { Client, Realtime } from 'appwrite';

const client = new Client().setEndpoint('https://cloud.appwrite.io/v1').setProject('demo-project');

export function watchNotes(onChange: (e: unknown) => void) {
  // ruleid: appwrite/realtime
  return client.subscribe('databases.main.tables.notes.rows', onChange);
}

// ruleid: appwrite/realtime
export const realtime = new Realtime(client);

export function watchFiles(onChange: (e: unknown) => void) {
  // ruleid: appwrite/realtime
  return realtime.subscribe('buckets.photos.files', onChange);
}

const bus = { subscribe: (topic: string, cb: () => void) => [topic, cb] };
// ok: appwrite/realtime
bus.subscribe('notes', () => undefined);

// ok: appwrite/realtime
const doc = "client.subscribe('files', cb)";
export { doc };
