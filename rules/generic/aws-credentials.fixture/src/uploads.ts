import { S3Client } from '@aws-sdk/client-s3';

export const s3 = new S3Client({
  region: 'eu-central-1',
  credentials: {
    // ruleid: generic/aws-credentials
    accessKeyId: 'AKIAFMJU76DU6OCJALS4',
    // ruleid: generic/aws-credentials
    secretAccessKey: 'cSn7yAUl1aMYGPEBjcpXkOEG64dBZtI7b52TrscL',
  },
});

// The key pair from the AWS documentation is a published example.
export const docs = new S3Client({
  credentials: {
    // ok: generic/aws-credentials
    accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
    // ok: generic/aws-credentials
    secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  },
});

// The fix: the default provider chain (role, SSO, environment).
// ok: generic/aws-credentials
export const fromRole = new S3Client({ region: process.env.AWS_REGION });
