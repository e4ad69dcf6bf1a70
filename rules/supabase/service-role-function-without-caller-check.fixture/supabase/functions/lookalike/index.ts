// Look-alikes: a local createClient and a variable named like an admin client.
function createClient(url: string, key: string) {
  return { from: (table: string) => ({ delete: async () => [url, key, table] }) };
}

const supabaseAdmin = { from: (table: string) => ({ delete: async () => table }) };

Deno.serve(async () => {
  const admin = createClient('http://localhost', Deno.env.get('SUPABASE_SERVICE_ROLE_KEY')!);
  // ok: supabase/service-role-function-without-caller-check
  await admin.from('notes').delete();
  // ok: supabase/service-role-function-without-caller-check
  await supabaseAdmin.from('notes').delete();
  return new Response('supabaseAdmin.from("x").delete() is only text here');
});
