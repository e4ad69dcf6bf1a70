import { NextResponse } from 'next/server';
import { createAdminClient } from '@/lib/supabase/admin';
import { createSessionClient } from '@/lib/supabase/server';

// Anyone can delete any account.
export async function DELETE(_req: Request, { params }: { params: { id: string } }) {
  const admin = createAdminClient();
  // ruleid: supabase/service-role-route-without-caller-check
  const { error } = await admin.auth.admin.deleteUser(params.id);
  return NextResponse.json({ ok: !error });
}

// Only an admin may list accounts.
export async function GET() {
  const supabase = await createSessionClient();
  const { data: { user } } = await supabase.auth.getUser();
  if (!user || user.app_metadata?.role !== 'admin') {
    return NextResponse.json({ error: 'forbidden' }, { status: 403 });
  }
  // ok: supabase/service-role-route-without-caller-check
  const { data } = await createAdminClient().auth.admin.listUsers();
  return NextResponse.json(data);
}

// The session is checked only after the privileged read.
export async function PATCH(req: Request, { params }: { params: { id: string } }) {
  const admin = createAdminClient();
  // ruleid: supabase/service-role-route-without-caller-check
  const { data: target } = await admin.auth.admin.getUserById(params.id);
  const supabase = await createSessionClient();
  const { data: { user } } = await supabase.auth.getUser();
  if (!user) return NextResponse.json({ error: 'unauthorized' }, { status: 401 });
  return NextResponse.json({ email: target.user?.email, by: user.id, body: await req.json() });
}
