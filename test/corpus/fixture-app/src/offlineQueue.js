// Chores done while offline wait here; the object shares the client's name but never leaves the tab.
const pending = []
const supabase = { from: (table) => pending.filter((item) => item.table === table) }

export function queuedFor(table) {
  return supabase.from(table)
}
