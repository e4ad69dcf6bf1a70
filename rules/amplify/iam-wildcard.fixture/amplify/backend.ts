import { defineBackend } from '@aws-amplify/backend';
import { Effect, Policy, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { Stack } from 'aws-cdk-lib';
import { data } from './data/resource';
import { importer } from './functions/importer/resource';

const backend = defineBackend({ data, importer });
const table = backend.data.resources.tables['Member'];

const policy = new Policy(Stack.of(table), 'ImporterPolicy', {
  statements: [
    // ruleid: amplify/iam-wildcard
    new PolicyStatement({
      effect: Effect.ALLOW,
      actions: ['dynamodb:*'],
      resources: ['*'],
    }),
    // ok: amplify/iam-wildcard
    new PolicyStatement({
      effect: Effect.ALLOW,
      actions: ['dynamodb:PutItem', 'dynamodb:Query'],
      resources: [table.tableArn],
    }),
    // ok: amplify/iam-wildcard
    new PolicyStatement({ effect: Effect.DENY, actions: ['s3:*'], resources: ['*'] }),
  ],
});
backend.importer.resources.lambda.role?.attachInlinePolicy(policy);
