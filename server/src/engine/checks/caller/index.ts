// Registers the caller checks: privileged code reached before the caller is verified, and the
// platform settings that leave a function or client open (verify_jwt = false, requiresAuth: false).

import { registerCheck } from '../registry';
import { base44ServiceRoleCheck, firebaseAdminCheck, supabaseServiceRoleCheck } from './privileged';
import { requiresAuthCheck } from './requiresAuth';
import { verifyJwtCheck } from './verifyJwt';

registerCheck(base44ServiceRoleCheck);
registerCheck(supabaseServiceRoleCheck);
registerCheck(firebaseAdminCheck);
registerCheck(verifyJwtCheck);
registerCheck(requiresAuthCheck);
