// Registers the data-rule checks: open Firestore/Storage rules, Supabase migrations (RLS, policies,
// SECURITY DEFINER functions, public buckets), PocketBase API rules, Appwrite permissions, CORS,
// weak auth settings in supabase/config.toml, Amplify data, storage and IAM access rules,
// Base44 entities with personal rows but no row-level rules, and Drizzle tables and policies on Supabase.

import { registerCheck } from '../registry';
import { amplifyAccessCheck } from './amplify';
import { appwriteAnyPermissionCheck } from './appwrite';
import { appwritePersonalReadCheck } from './appwritePersonalRead';
import { base44EntityRlsCheck } from './base44Entities';
import { corsCredentialsCheck } from './cors';
import { drizzleSupabaseCheck } from './drizzleSchema';
import { firebaseRulesCheck } from './firebaseRules';
import { pocketbaseRulesCheck } from './pocketbase';
import { supabaseAuthConfigCheck } from './supabaseAuthConfig';
import { supabaseMigrationsCheck } from './supabaseMigrations';

registerCheck(firebaseRulesCheck);
registerCheck(supabaseMigrationsCheck);
registerCheck(pocketbaseRulesCheck);
registerCheck(appwriteAnyPermissionCheck);
registerCheck(appwritePersonalReadCheck);
registerCheck(corsCredentialsCheck);
registerCheck(supabaseAuthConfigCheck);
registerCheck(amplifyAccessCheck);
registerCheck(base44EntityRlsCheck);
registerCheck(drizzleSupabaseCheck);
