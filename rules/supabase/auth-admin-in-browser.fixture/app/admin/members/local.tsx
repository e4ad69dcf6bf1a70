'use client';

const people = { auth: { admin: { createUser: (name: string) => name.trim() } } };

export function AddPerson({ name }: { name: string }) {
  // ok: supabase/auth-admin-in-browser
  return <span>{people.auth.admin.createUser(name)}</span>;
}
