// Tokens from the hosted sign-in service are trusted by the deployment.
const issuer = process.env.AUTH_ISSUER_URL!

// ruleid: convex/auth-config
export default {
  providers: [{ domain: issuer, applicationID: 'convex' }],
}
