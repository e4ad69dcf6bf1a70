import { Hono } from 'npm:hono@4';
import { jwt } from 'npm:hono@4/jwt';

const app = new Hono();
app.use('/*', jwt({ secret: Deno.env.get('JWT_SECRET')! }));
app.get('/custom-entry/me', (c) => c.json(c.get('jwtPayload')));

Deno.serve(app.fetch);
