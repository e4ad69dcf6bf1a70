// Registers the caller checks: privileged code reached before the caller is verified, and the
// platform settings that leave a function or client open (verify_jwt = false, requiresAuth: false), and
// webhook handlers that never check the sender's signature, handlers that fetch a caller's URL, and
// Convex public functions that write without reading the caller's identity, and shared-secret checks
// that let everyone in when the secret is unset, and Workers that write storage for callers they never
// check, and Supabase's Auth admin API called from browser code, and Netlify Blobs written or the schema
// changed by open handlers, and caller checks that do not stop the handler or trust the Origin header,
// and tokens from the request decoded without being verified.
import { registerCheck } from '../registry';
import { browserAuthAdminCheck } from './browserAdmin';
import { convexPublicWriteCheck } from './convex';
import { failOpenSecretCheck } from './failOpen';
import { jwtDecodeCheck } from './jwtDecode';
import { base44OwnershipCheck, firebaseOwnershipCheck, supabaseOwnershipCheck } from './ownership';
import {
  base44ServiceRoleCheck,
  firebaseAdminCheck,
  netlifyBlobsWriteCheck,
  schemaChangeCheck,
  supabaseServiceRoleCheck,
} from './privileged';
import { requiresAuthCheck } from './requiresAuth';
import { ssrfCheck } from './ssrf';
import { checkWithoutReturnCheck, originAsAuthCheck } from './stops';
import { verifyJwtCheck } from './verifyJwt';
import { unverifiedWebhookCheck } from './webhooks';
import { workerWriteCheck } from './workerWrites';

registerCheck(base44ServiceRoleCheck);
registerCheck(supabaseServiceRoleCheck);
registerCheck(firebaseAdminCheck);
registerCheck(netlifyBlobsWriteCheck);
registerCheck(schemaChangeCheck);
registerCheck(verifyJwtCheck);
registerCheck(requiresAuthCheck);
registerCheck(unverifiedWebhookCheck);
registerCheck(ssrfCheck);
registerCheck(convexPublicWriteCheck);
registerCheck(failOpenSecretCheck);
registerCheck(workerWriteCheck);
registerCheck(browserAuthAdminCheck);
registerCheck(checkWithoutReturnCheck);
registerCheck(originAsAuthCheck);
registerCheck(jwtDecodeCheck);
registerCheck(base44OwnershipCheck);
registerCheck(supabaseOwnershipCheck);
registerCheck(firebaseOwnershipCheck);
