import { Permission, Role } from 'appwrite';
import * as sdk from 'node-appwrite';

export function notePermissions(userId: string) {
  return [
    // ruleid: appwrite/permissions
    Permission.read(Role.user(userId)),
    // ruleid: appwrite/permissions
    Permission.update(Role.user(userId)),
    // ruleid: appwrite/permissions
    sdk.Permission.delete(sdk.Role.team('admins')),
  ];
}

const Policy = { read: (who: string) => `read:${who}` };
// ok: appwrite/permissions
export const local = Policy.read('owner');

// ok: appwrite/permissions
export const text = 'Permission.read(Role.any())';
