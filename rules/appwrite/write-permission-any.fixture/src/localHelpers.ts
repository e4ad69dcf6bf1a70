// A local helper that merely shares the SDK's names.
const Role = { any: () => 'any' };
const Permission = { write: (role: string) => `write:${role}` };

// ok: appwrite/write-permission-any
export const grant = Permission.write(Role.any());
// ok: appwrite/write-permission-any
export const note = 'use write("any") only for public drop boxes';
