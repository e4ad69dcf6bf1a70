import { Client } from 'node-appwrite';

// ruleid: generic/platform-token
export const hardCoded = new Client().setProject('6651f0e2a3b4c5d6e7f8').setKey('4e97e4f34f35da734566d9f44df14d35b412355975e8850d477610f0a3f7ab776dda81690b6d8c75986d362df55027b5583fc2028aeea548606b92c40705e49a');
// The project id is public; the key read from the environment is the fix.
// ok: generic/platform-token
export const fromEnv = new Client().setProject('6651f0e2a3b4c5d6e7f8').setKey(process.env.APPWRITE_API_KEY!);

// The newer key format, kept in a plain config object of a migration script.
export const migrationConfig = {
  endpoint: 'https://cloud.appwrite.io/v1',
  // ruleid: generic/platform-token
  apiKey: 'standard_a81efffd82d105191f1fb4b5fdf7f06db1397ccaff58ce1fbac01cfdb732d5c50ccbb8f0875fa2e5c64998f9574e646158bba71c3cb166705ea6f79103780143af60ad06c27704544e3ea57533ccea6d5a39d4385fccfbda3b78dfc1ffebd99a9fdacb82d3b325411445c55876a9b259768084d1df827d260df66ebaa3da253d',
};
