import { defineStorage } from '@aws-amplify/backend';

export const storage = defineStorage({
  name: 'teamFiles',
  access: (allow) => ({
    'imports/*': [
      allow.authenticated.to(['read', 'write']),
      // ruleid: amplify/storage-guest-write
      allow.guest.to(['read', 'write']),
    ],
    'public-banners/*': [
      // ok: amplify/storage-guest-write
      allow.guest.to(['read']),
      allow.groups(['editors']).to(['read', 'write', 'delete']),
    ],
    'drop-box/*': [
      // ruleid: amplify/storage-guest-write
      allow.guest.to(['delete']),
    ],
    'profile-pictures/{entity_id}/*': [
      // ok: amplify/storage-guest-write
      allow.entity('identity').to(['read', 'write', 'delete']),
    ],
  }),
});
