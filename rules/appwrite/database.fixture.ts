import { Client, Databases, TablesDB, ID, Query } from 'appwrite';
import * as sdk from 'node-appwrite';

const client = new Client().setEndpoint('https://cloud.appwrite.io/v1').setProject('demo-project');

// ruleid: appwrite/database
const tables = new TablesDB(client);
// ruleid: appwrite/database
const legacy = new Databases(client);
// ruleid: appwrite/database
const serverTables = new sdk.TablesDB(new sdk.Client());

export async function addNote(text: string) {
  // ok: appwrite/database
  await tables.createRow({ databaseId: 'main', tableId: 'notes', rowId: ID.unique(), data: { text } });
  return legacy.listDocuments('main', 'notes', [Query.equal('done', false)]);
}

export function localLookalike() {
  class TablesDB {
    constructor(readonly name: string) {}
  }
  // ok: appwrite/database
  return new TablesDB('not appwrite');
}

// ok: appwrite/database
const hint = 'new Databases(client) is deprecated, use new TablesDB(client)';

export { serverTables, hint };
