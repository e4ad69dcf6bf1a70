// Auth settings in supabase/config.toml weaker than Supabase's production checklist: e-mail sign-up
// without confirming the address, passwords shorter than 8 characters, anonymous sign-ins, and a
// password change that does not ask for a recent login. The CLI writes some of these as local
// defaults; a project that pushes its config (`supabase config push`) or copies it to production
// ships them, so each is named where it is set.

import type { CheckHit, FileCheck } from '../registry';
import { readTomlSettings, TomlSetting } from './tomlLines';

const MIN_PASSWORD = 8;

export const supabaseAuthConfigCheck: FileCheck = {
  name: 'supabase-auth-config',
  scope: 'file',
  textOnly: true,
  prefilter: /\[\s*auth/,
  hints: [{ text: '[auth' }],
  run(file) {
    if (!file.file.endsWith('config.toml')) return [];
    const settings = readTomlSettings(file.text);
    const get = (table: string, key: string) => settings.find((s) => s.table === table && s.key === key);
    const signUpsOn = (table: string) => get(table, 'enable_signup')?.value !== 'false';
    const hits: CheckHit[] = [];
    const add = (s: TomlSetting, why: string) => hits.push({ span: { start: s.start, end: s.end }, vars: { why } });

    const confirmations = get('auth.email', 'enable_confirmations');
    if (confirmations?.value === 'false' && signUpsOn('auth') && signUpsOn('auth.email')) {
      add(confirmations, 'e-mail sign-ups are on without confirming the address, so anyone can sign up as someone else');
    }
    const length = get('auth', 'minimum_password_length');
    if (length && Number(length.value) < MIN_PASSWORD) add(length, `passwords may be ${length.value} characters long (the checklist asks for ${MIN_PASSWORD} or more)`);
    const anonymous = get('auth', 'enable_anonymous_sign_ins');
    if (anonymous?.value === 'true') add(anonymous, 'anonymous sign-ins are on: every visitor gets an authenticated session, so policies that only require a signed-in user admit them');
    const secureChange = get('auth.email', 'secure_password_change');
    if (secureChange?.value === 'false' && signUpsOn('auth')) add(secureChange, 'a password can be changed without a recent sign-in, so a stolen session can take the account over');
    return hits;
  },
};
