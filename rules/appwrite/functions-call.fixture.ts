import { Client, Functions } from 'appwrite';

const functions = new Functions(new Client().setProject('demo-project'));

export function sendReport(body: string) {
  // ruleid: appwrite/functions-call
  return functions.createExecution({ functionId: 'report', body, async: true });
}

const jobs = { createExecution: (id: string) => id };
// ok: appwrite/functions-call
jobs.createExecution('x');
