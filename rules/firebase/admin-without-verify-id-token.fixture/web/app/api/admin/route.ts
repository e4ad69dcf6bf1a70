import { cookies } from 'next/headers';
import { NextResponse } from 'next/server';
import { adminAuth, adminDb } from '@/lib/firebaseAdmin';

export async function POST(req: Request) {
  const { uid } = await req.json();
  // ruleid: firebase/admin-without-verify-id-token
  await adminAuth.setCustomUserClaims(uid, { role: 'admin' });
  return NextResponse.json({ ok: true });
}

export async function DELETE(req: Request) {
  const session = (await cookies()).get('session')?.value ?? '';
  const caller = await adminAuth.verifySessionCookie(session, true).catch(() => null);
  if (!caller?.admin) return NextResponse.json({ error: 'forbidden' }, { status: 403 });
  const { uid } = await req.json();
  // ok: firebase/admin-without-verify-id-token
  await adminDb.collection('users').doc(uid).delete();
  return NextResponse.json({ ok: true });
}
