export const config = {
  // ruleid: appwrite/env
  endpoint: process.env.APPWRITE_ENDPOINT,
  // ruleid: appwrite/env
  project: import.meta.env.VITE_APPWRITE_PROJECT_ID,
  // ok: appwrite/env
  region: process.env.AWS_REGION,
  // ok: appwrite/env
  label: 'APPWRITE_ENDPOINT',
};
