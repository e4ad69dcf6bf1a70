import { Client } from 'appwrite';
import * as sdk from 'node-appwrite';

// ruleid: appwrite/client
export const client = new Client()
  .setEndpoint('https://cloud.appwrite.io/v1')
  .setProject('demo-project');

export function adminClient(key: string) {
  // ruleid: appwrite/client
  return new sdk.Client().setEndpoint('https://cloud.appwrite.io/v1').setProject('demo-project').setKey(key);
}

// A client built per request that then acts as the caller, through their JWT.
export function callerClient(jwt: string) {
  // ruleid: appwrite/client
  const perCaller = new sdk.Client().setEndpoint('https://cloud.appwrite.io/v1').setProject('demo-project');
  // ruleid: appwrite/client
  perCaller.setJWT(jwt);
  return perCaller;
}

// An HTTP helper with a method of the same name is not Appwrite's.
const rest = { setJWT: (token: string) => token.length };
// ok: appwrite/client
rest.setJWT('token');

// A parameter named Client shadows the import and binds nothing.
export function viaParam(Client: new () => { ping(): void }) {
  // ok: appwrite/client
  return new Client();
}

class HttpClient {}
// ok: appwrite/client
const http = new HttpClient();

// ok: appwrite/client
const doc = 'new Client() from appwrite'; // new Client()

export { http, doc };
