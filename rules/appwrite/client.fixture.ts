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
