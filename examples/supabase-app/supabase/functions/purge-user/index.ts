import { createClient } from 'https://esm.sh/@supabase/supabase-js@2';

// Deletes a user's notes, avatar and account. Called from the admin screen.
Deno.serve(async (req: Request) => {
  if (req.method !== 'POST') {
    return Response.json({ error: 'Method not allowed' }, { status: 405 });
  }

  let userId: unknown;
  try {
    ({ userId } = await req.json());
  } catch {
    return Response.json({ error: 'Body must be JSON' }, { status: 400 });
  }
  if (typeof userId !== 'string') {
    return Response.json({ error: 'userId is required' }, { status: 400 });
  }

  const admin = createClient(Deno.env.get('SUPABASE_URL')!, Deno.env.get('SUPABASE_SERVICE_ROLE_KEY')!, {
    auth: { persistSession: false },
  });

  const { error: notesError } = await admin.from('notes').delete().eq('user_id', userId);
  if (notesError) {
    return Response.json({ error: notesError.message }, { status: 500 });
  }

  const { data: files } = await admin.storage.from('avatars').list(userId);
  if (files && files.length > 0) {
    await admin.storage.from('avatars').remove(files.map((f) => `${userId}/${f.name}`));
  }

  const { error } = await admin.auth.admin.deleteUser(userId);
  if (error) {
    return Response.json({ error: error.message }, { status: 500 });
  }

  await admin.from('activity_log').insert({ action: 'user.purged', subject_id: userId });
  return Response.json({ deleted: userId });
});
