import { Client, Functions, ExecutionMethod } from 'appwrite';

const client = new Client().setEndpoint('https://cloud.appwrite.io/v1').setProject('demo-project');

// ruleid: appwrite/functions
const functions = new Functions(client);

export function runReport() {
  return functions.createExecution({ functionId: 'report', body: '{}', async: false, method: ExecutionMethod.POST });
}

const registry = { Functions: class { run() { return 1; } } };
// ok: appwrite/functions
const local = new registry.Functions();

// ok: appwrite/functions
// new Functions(client) lives in the backend module
export { local };
