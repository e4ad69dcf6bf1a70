import { Client, Messaging, ID } from 'node-appwrite';

const client = new Client().setEndpoint('https://cloud.appwrite.io/v1').setProject('demo-project');

// ruleid: appwrite/messaging
const messaging = new Messaging(client);

export function welcome(userId: string) {
  return messaging.createEmail({ messageId: ID.unique(), subject: 'Welcome', content: 'Hi', users: [userId] });
}

class Mailer { send() { return true; } }
// ok: appwrite/messaging
export const mailer = new Mailer();
// ok: appwrite/messaging
export const hint = 'new Messaging(client)';
