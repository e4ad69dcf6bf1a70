// A test double with the SDK's shape and name; nothing here talks to Base44.
function createClient(config) {
  return { config, entities: { Task: { create: async (row) => row } } };
}

export const offline = createClient({
  appId: 'demo',
  // ok: base44/requires-auth-false-with-writes
  requiresAuth: false,
});

export async function addOfflineTask(title) {
  return offline.entities.Task.create({ title });
}
