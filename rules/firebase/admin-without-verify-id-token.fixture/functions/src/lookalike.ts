import { onRequest } from 'firebase-functions/v2/https';

// A local getAuth that has nothing to do with firebase-admin.
function getAuth() {
  return { deleteUser: async (uid: string) => uid };
}

export const fake = onRequest(async (req, res) => {
  // ok: firebase/admin-without-verify-id-token
  await getAuth().deleteUser(String(req.query.uid));
  res.send('getAuth().deleteUser(uid) is only a string here');
});
