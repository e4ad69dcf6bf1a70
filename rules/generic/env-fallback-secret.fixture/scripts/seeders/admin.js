// An emulator seeder: local defaults for local accounts.
// ok: generic/env-fallback-secret
const adminPassword = process.env.SEED_ADMIN_PASSWORD || 'seed-admin-42';
module.exports = { adminPassword };
