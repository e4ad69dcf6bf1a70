import NextAuth from 'next-auth';
import GitHub from 'next-auth/providers/github';
import Google from 'next-auth/providers/google';

export const { handlers, auth } = NextAuth({
  providers: [
    Google({
      // ruleid: generic/auth-dangerous-account-linking
      allowDangerousEmailAccountLinking: true,
    }),
    GitHub({
      // ok: generic/auth-dangerous-account-linking
      allowDangerousEmailAccountLinking: false,
    }),
  ],
});
