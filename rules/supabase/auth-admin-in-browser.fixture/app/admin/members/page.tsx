'use client';

import { useState } from 'react';
import { supabase } from '../../../lib/supabase';

export default function Members() {
  const [email, setEmail] = useState('');
  async function invite() {
    // ruleid: supabase/auth-admin-in-browser
    await supabase.auth.admin.createUser({ email, email_confirm: true });
  }
  async function dropFactor(userId: string, id: string) {
    // ruleid: supabase/auth-admin-in-browser
    await supabase.auth.admin.mfa.deleteFactor({ userId, id });
  }
  async function whoAmI() {
    // ok: supabase/auth-admin-in-browser
    return supabase.auth.getUser();
  }
  return <button onClick={() => { invite(); dropFactor('', ''); whoAmI(); setEmail(''); }}>Invite</button>;
}
