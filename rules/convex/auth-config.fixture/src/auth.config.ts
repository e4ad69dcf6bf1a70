// An app's own auth settings outside the convex/ folder are not Convex's.
// ok: convex/auth-config
export default { sessionMinutes: 30 }
