import { Client, Account, Teams } from 'appwrite';
import { Client as ServerClient, Users } from 'node-appwrite';

const client = new Client().setEndpoint('https://cloud.appwrite.io/v1').setProject('demo-project');

// ruleid: appwrite/auth
export const account = new Account(client);
// ruleid: appwrite/auth
export const teams = new Teams(client);
// ruleid: appwrite/auth
export const users = new Users(new ServerClient().setProject('demo-project'));

export async function signIn(email: string, password: string) {
  // ok: appwrite/auth
  return account.createEmailPasswordSession({ email, password });
}

function makeAccount() {
  return { get: async () => null };
}
// ok: appwrite/auth
const localAccount = makeAccount();
// ok: appwrite/auth
const label = 'new Account(client)';

export { localAccount, label };
