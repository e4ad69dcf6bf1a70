import { Actor, createClient } from '@base44/sdk';

const base44 = createClient({ appId: 'demo-app' });

export function joinRoom(roomId: string, onMessage: (data: unknown) => void) {
  // ruleid: base44/actors
  const connection = base44.actors.ChatRoom(roomId).connect({ id: 'visitor' });
  const subscription = connection.subscribe(onMessage);
  // ok: base44/actors
  connection.send({ text: 'hello' });
  return () => {
    subscription.unsubscribe();
    connection.close();
  };
}

const actors = { ChatRoom: (id: string) => ({ id }) };
// ok: base44/actors
export const fakeRoom = actors.ChatRoom('local');
// ok: base44/actors
export const label = 'base44.actors.ChatRoom(id).connect()';

// ruleid: base44/actors
export class ChatRoom extends Actor {
  handleMessage() {}
}

class LocalActor {}
// ok: base44/actors
export class Lobby extends LocalActor {}
