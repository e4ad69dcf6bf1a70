import { DurableObject, env } from 'cloudflare:workers';
import * as workers from 'cloudflare:workers';

// ruleid: cloudflare/durable-object-class
export class ChatRoom extends DurableObject {
  async fetch() {
    return new Response('room');
  }
}

// ruleid: cloudflare/durable-object-class
export class Counter extends workers.DurableObject {}

export async function roomStub(name: string) {
  // ruleid: cloudflare/durable-object-class
  const id = env.CHAT_ROOM.idFromName(name);
  return env.CHAT_ROOM.get(id);
}

class DurableObjectBase {}
// ok: cloudflare/durable-object-class
export class LocalThing extends DurableObjectBase {}

export function local(DurableObject: new () => object) {
  // ok: cloudflare/durable-object-class
  return class extends DurableObject {};
}

// ok: cloudflare/durable-object-class
export const doc = 'class Room extends DurableObject {}';
