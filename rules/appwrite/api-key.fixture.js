const sdk = require('node-appwrite');

const admin = new sdk.Client()
  .setEndpoint(process.env.APPWRITE_ENDPOINT)
  .setProject(process.env.APPWRITE_PROJECT);
// ruleid: appwrite/api-key
admin.setKey(process.env.APPWRITE_API_KEY);

// ruleid: appwrite/api-key
const scoped = new sdk.Client().setProject('demo').setKey(process.env.APPWRITE_API_KEY);

// A user's client: a JWT, no API key.
// ok: appwrite/api-key
const user = new sdk.Client().setProject('demo').setJWT('token-from-request');

const settings = { setKey: (k) => k };
// ok: appwrite/api-key
settings.setKey('theme');

module.exports = { admin, scoped, user };
