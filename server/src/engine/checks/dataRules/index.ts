// Registers the data-rule checks: open Firestore/Storage rules, Supabase migrations (RLS, policies,
// SECURITY DEFINER functions, public buckets), PocketBase API rules, Appwrite permissions, CORS
// and weak auth settings in supabase/config.toml.

import { registerCheck } from '../registry';
import { appwriteAnyPermissionCheck } from './appwrite';
import { corsCredentialsCheck } from './cors';
import { firebaseRulesCheck } from './firebaseRules';
import { pocketbaseRulesCheck } from './pocketbase';
import { supabaseAuthConfigCheck } from './supabaseAuthConfig';
import { supabaseMigrationsCheck } from './supabaseMigrations';

registerCheck(firebaseRulesCheck);
registerCheck(supabaseMigrationsCheck);
registerCheck(pocketbaseRulesCheck);
registerCheck(appwriteAnyPermissionCheck);
registerCheck(corsCredentialsCheck);
registerCheck(supabaseAuthConfigCheck);
