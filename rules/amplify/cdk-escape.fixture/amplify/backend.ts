import { defineBackend } from '@aws-amplify/backend';
import { Policy, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { auth } from './auth/resource';
import { data } from './data/resource';

const backend = defineBackend({ auth, data });

// ruleid: amplify/cdk-escape
const orders = backend.data.resources.tables['Order'];
// ruleid: amplify/cdk-escape
const stack = backend.createStack('exports');
new Policy(stack, 'ReadOrders', { statements: [new PolicyStatement({ actions: ['dynamodb:GetItem'], resources: [orders.tableArn] })] });

// A settings object of the app's own with the same shape stays quiet.
const local = { data: { resources: { tables: {} as Record<string, unknown> } } };
// ok: amplify/cdk-escape
export const table = local.data.resources.tables['Order'];
