import cors from 'cors';
import express from 'express';

const app = express();

// The options object is built apart from the call: the origin is still reflected with credentials.
const options = {
  // ruleid: generic/cors-credentials-any-origin
  origin: true,
  credentials: true,
};
app.use(cors(options));

// A callback that says yes to every origin reflects it too.
const sessionCors = cors({
  // ruleid: generic/cors-credentials-any-origin
  origin: (origin, callback) => callback(null, true),
  credentials: true,
});

// A callback that checks an allow-list is the fix.
const allowed = ['https://app.example.test'];
const strictCors = cors({
  // ok: generic/cors-credentials-any-origin
  origin: (origin, callback) => callback(null, allowed.includes(origin ?? '')),
  credentials: true,
});

// An object with the same shape that no CORS call receives.
const unrelated = {
  // ok: generic/cors-credentials-any-origin
  origin: true,
  credentials: true,
};

export { app, sessionCors, strictCors, unrelated };
