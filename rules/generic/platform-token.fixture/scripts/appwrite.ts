import { Client } from 'node-appwrite';

// ruleid: generic/platform-token
export const hardCoded = new Client().setProject('6651f0e2a3b4c5d6e7f8').setKey('4e97e4f34f35da734566d9f44df14d35b412355975e8850d477610f0a3f7ab776dda81690b6d8c75986d362df55027b5583fc2028aeea548606b92c40705e49a');
// The project id is public; the key read from the environment is the fix.
// ok: generic/platform-token
export const fromEnv = new Client().setProject('6651f0e2a3b4c5d6e7f8').setKey(process.env.APPWRITE_API_KEY!);
