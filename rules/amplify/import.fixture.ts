// ruleid: amplify/import
import { Amplify } from 'aws-amplify';
// ruleid: amplify/import
import { generateClient } from 'aws-amplify/data';
// ruleid: amplify/import
import { fetchAuthSession } from 'aws-amplify/auth/server';
// ruleid: amplify/import
import { defineBackend } from '@aws-amplify/backend';
// ruleid: amplify/import
import { Authenticator } from '@aws-amplify/ui-react';
// ok: amplify/import
import outputs from '../amplify_outputs.json';
// ok: amplify/import
import { S3Client } from '@aws-sdk/client-s3';

// ok: amplify/import
export const text = "import { Amplify } from 'aws-amplify'";
export { Amplify, generateClient, fetchAuthSession, defineBackend, Authenticator, outputs, S3Client };
