import PocketBase from 'pocketbase';

// ruleid: pocketbase/client
export const pb = new PocketBase('http://127.0.0.1:8090');

export function fromParam(PocketBase: new (url: string) => object) {
  // ok: pocketbase/client
  return new PocketBase('http://localhost');
}

class PocketBaseMock {}
// ok: pocketbase/client
export const mock = new PocketBaseMock();
// ok: pocketbase/client
export const label = "new PocketBase('http://127.0.0.1:8090')";
