import { Client, Account } from 'appwrite';

const account = new Account(new Client().setProject('demo'));

export class Session {
  constructor(private readonly accounts: Account) {}

  async signIn(email: string, password: string) {
    // ruleid: appwrite/account-call
    return this.accounts.createEmailPasswordSession({ email, password });
  }
}

export async function currentUser() {
  // ruleid: appwrite/account-call
  return account.get();
}

export function fakeAccount(local: { get(): null }) {
  // ok: appwrite/account-call
  return local.get();
}
