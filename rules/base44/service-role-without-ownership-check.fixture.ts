import { createClientFromRequest } from 'npm:@base44/sdk@0.8.6';

// Signed in, then the service role rewrites whichever booking the body names.
Deno.serve(async (req) => {
  const b44 = createClientFromRequest(req);
  const member = await b44.auth.me();
  if (!member) return Response.json({ error: 'sign in first' }, { status: 401 });
  const { bookingId, seat } = await req.json();
  // ruleid: base44/service-role-without-ownership-check
  await b44.asServiceRole.entities.Booking.update(bookingId, { seat, confirmed: true });
  return Response.json({ ok: true });
});

// A club id from the body files the new record under any club.
Deno.serve(async (req) => {
  const b44 = createClientFromRequest(req);
  const member = await b44.auth.me();
  if (!member) return new Response(null, { status: 401 });
  const body = await req.json();
  // ruleid: base44/service-role-without-ownership-check
  const hook = await b44.asServiceRole.entities.ClubHook.create({ company_id: body.clubId, target: body.target, added_by: member.email });
  return Response.json(hook);
});

// A bulk insert into a table nobody owns, open to every signed-in member.
Deno.serve(async (req) => {
  const b44 = createClientFromRequest(req);
  const member = await b44.auth.me();
  if (!member) return new Response(null, { status: 401 });
  const headlines = ['rates up', 'rates down'].map((title) => ({ title }));
  // ruleid: base44/service-role-without-ownership-check
  await b44.asServiceRole.entities.Headline.bulkCreate(headlines);
  return Response.json({ added: headlines.length });
});

// The booking is loaded and its owner compared with the caller before the write.
Deno.serve(async (req) => {
  const b44 = createClientFromRequest(req);
  const member = await b44.auth.me();
  if (!member) return new Response(null, { status: 401 });
  const { bookingId } = await req.json();
  const [booking] = await b44.asServiceRole.entities.Booking.filter({ id: bookingId });
  if (!booking || booking.created_by !== member.email) return new Response(null, { status: 403 });
  // ok: base44/service-role-without-ownership-check
  await b44.asServiceRole.entities.Booking.update(bookingId, { cancelled: true });
  return Response.json({ ok: true });
});

// A role test that answers 403 comes first.
Deno.serve(async (req) => {
  const b44 = createClientFromRequest(req);
  const member = await b44.auth.me();
  if (member?.role !== 'admin') return Response.json({ error: 'admins only' }, { status: 403 });
  const { bookingId } = await req.json();
  // ok: base44/service-role-without-ownership-check
  await b44.asServiceRole.entities.Booking.delete(bookingId);
  return Response.json({ ok: true });
});

// The filter is scoped to the caller, whatever the body says.
Deno.serve(async (req) => {
  const b44 = createClientFromRequest(req);
  const member = await b44.auth.me();
  if (!member) return new Response(null, { status: 401 });
  const { bookingId } = await req.json();
  // ok: base44/service-role-without-ownership-check
  const mine = await b44.asServiceRole.entities.Booking.filter({ id: bookingId, created_by: member.email });
  return Response.json(mine);
});

// The ids come from rows the caller's own client could read: row rules already apply.
Deno.serve(async (req) => {
  const b44 = createClientFromRequest(req);
  const member = await b44.auth.me();
  if (!member) return new Response(null, { status: 401 });
  const { clubId } = await req.json();
  const seen = await b44.entities.Notice.filter({ club_id: clubId, read: false });
  for (const notice of seen) {
    // ok: base44/service-role-without-ownership-check
    await b44.asServiceRole.entities.Notice.update(notice.id, { read: true });
  }
  return Response.json({ ok: true });
});
