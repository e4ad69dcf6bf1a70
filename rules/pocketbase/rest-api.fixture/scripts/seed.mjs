const base = process.env.PB_URL ?? 'http://127.0.0.1:8090'

export async function seed(email, password, rows) {
  // ruleid: pocketbase/rest-api
  const login = await fetch(`${base}/api/collections/_superusers/auth-with-password`, {
    method: 'POST',
    body: JSON.stringify({ identity: email, password }),
  })
  const { token } = await login.json()
  for (const row of rows) {
    // ruleid: pocketbase/rest-api
    await fetch(base + '/api/collections/tasks/records', { method: 'POST', headers: { Authorization: token }, body: JSON.stringify(row) })
  }
}

// An app's own REST layout that merely shares the word: no PocketBase path.
// ok: pocketbase/rest-api
export const shelves = (id) => fetch(`/api/collections/${id}/items`)
