import { Client, TablesDB, ID, Query } from 'appwrite';
import type { Databases } from 'node-appwrite';

const tables = new TablesDB(new Client().setEndpoint('https://cloud.appwrite.io/v1').setProject('demo'));

export async function openTasks(ownerId: string) {
  // ruleid: appwrite/database-call
  return tables.listRows({ databaseId: 'main', tableId: 'tasks', queries: [Query.equal('owner', ownerId)] });
}

export async function addTask(title: string) {
  // ruleid: appwrite/database-call
  return tables.createRow({ databaseId: 'main', tableId: 'tasks', rowId: ID.unique(), data: { title } });
}

export async function legacyCount(databases: Databases) {
  // ruleid: appwrite/database-call
  const page = await databases.listDocuments('main', 'tasks');
  // ok: appwrite/database-call
  return page.total;
}

export function localTables(store: { listRows(): string[] }) {
  // ok: appwrite/database-call
  return store.listRows();
}
