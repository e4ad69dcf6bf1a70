export async function signIn(request: Request): Promise<Response> {
  const form = await request.formData();
  const email = String(form.get('email'));
  const password = String(form.get('password'));
  // ruleid: generic/password-logged
  console.log('sign-in attempt', email, password);
  // ruleid: generic/password-logged
  console.debug(form, body.password);
  // ok: generic/password-logged
  console.log('password reset requested for', email);
  // ok: generic/password-logged
  console.info({ email, password: '[redacted]' });
  // ok: generic/password-logged
  console.log('password length', password.length);
  // ok: generic/password-logged
  logger.info(email, hasPassword);
  return new Response(null, { status: 204 });
}

declare const body: { password: string };
declare const logger: { info(...args: unknown[]): void };
declare const hasPassword: boolean;
