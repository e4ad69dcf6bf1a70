import admin from 'firebase-admin';

// Inline credentials: whoever reads this file is the project's admin.
const credentials = {
  type: 'service_account',
  project_id: 'taskboard-prod-7c1d2',
  client_email: 'firebase-adminsdk-x1y2z@taskboard-prod-7c1d2.iam.gserviceaccount.com',
  // ruleid: firebase/service-account-key
  private_key:
    '-----BEGIN PRIVATE KEY-----\n' +
    'MIICeAIBADANBgkqhkiG9w0BAQEFAASCAmIwggJeAgEAAoGBANNk9HYXAI/W8Tvi\n' +
    'yRKgOKZjyczyzBOVq2K1DE/Hb0iF/eY47VJUjE+zpAhyaOQZjlLM0G8M7TsGw3rQ\n' +
    '1UwznDAngQQwCA4/TiTz4kptffmTSrpEalMXxv/Q0GCMu+uxzw3ZyCb9Awtpx2Un\n' +
    'Awc5Lnc+UGs3FS5WEwWsItvjc0oFAgMBAAECgYEA0yBq/14t03sK55Ky24Vlztiu\n' +
    '/aAorg63YxgLOcqnnDkmwb5tV+LVV+zEkSMjG11ixdOFAMRaUq+IoKrdvQN2otcc\n' +
    '9c8yn0a0h3QbDX/reEHRWvKxkQiC0cYgBYXg6TvD6PB2DI4fJTg20DjevtH42mHo\n' +
    'nCau7c21duWxfK9Ui4ECQQD9Fl183YRulUY5siSDrmBXRwYPaXtgHTFhyaEcKWIt\n' +
    'M8+y7E+QW9hJHih6ZAl5c1JWEtpunf0p2hmlTYvr3zdRAkEA1dPBcZMY1TSAK0Pc\n' +
    'n1zIR8vdjjLmBisZkCWPqV5LrB7BkpVb1OTji8+GgJXrJw6RRjCql3Bog0+MqyGO\n' +
    'AqJidQJBAKdJfDwH0/ygUM3cMYSU43ttJ9VSHMnYIgcIFqUduZY1VAlpZ+H8w4b5\n' +
    'FzpnG1ga4Qah6Z4KcgeS8TaxflZHsjECQQCDUfZ2wwk4P3MLnzTKppfWCC08XKQK\n' +
    'W8PqVDcjpGbDAWyOkq4AVMYuojgPloMBzJ+JxO+v6/gz1NImc4gctA/VAkBThd7K\n' +
    'elJmohmH1HCowG5NZbDbzxlpH2UEgwXjYQjgQg83jd7EKMHOTafj19Tm00SN+v5p\n' +
    'OtliGDM2F5Y70+j9\n' +
    '-----END PRIVATE KEY-----\n',
};

export const app = admin.initializeApp({ credential: admin.credential.cert(credentials as admin.ServiceAccount) }, 'inline');

// The fix: the runtime's default credentials, no key in the code.
// ok: firebase/service-account-key
export const defaultApp = admin.initializeApp();

// A template with the key left out is not a credential.
const template = { type: 'service_account', project_id: 'my-project',
  // ok: firebase/service-account-key
  private_key: process.env.FIREBASE_PRIVATE_KEY };
export { template };
