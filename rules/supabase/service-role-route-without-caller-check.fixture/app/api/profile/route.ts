import { NextResponse } from 'next/server';
import { createSessionClient } from '@/lib/supabase/server';

// Runs as the caller: row level security applies.
export async function GET() {
  const supabase = await createSessionClient();
  // ok: supabase/service-role-route-without-caller-check
  const { data } = await supabase.from('profiles').select('*');
  return NextResponse.json(data);
}
