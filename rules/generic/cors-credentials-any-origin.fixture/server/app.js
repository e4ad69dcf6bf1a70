const express = require('express');
const cors = require('cors');

const app = express();
// ruleid: generic/cors-credentials-any-origin
app.use(cors({ origin: true, credentials: true }));

const allowed = ['https://app.example.com'];
const corsOptions = {
  // ok: generic/cors-credentials-any-origin
  origin: (origin, cb) => cb(null, allowed.includes(origin)),
  credentials: true,
};
app.use('/v2', cors(corsOptions));

// Not a CORS option bag: an unrelated object that happens to have these keys.
// ok: generic/cors-credentials-any-origin
const fetchInit = { origin: '*', credentials: true };

app.get('/legacy', (req, res) => {
  // ruleid: generic/cors-credentials-any-origin
  res.setHeader('Access-Control-Allow-Origin', '*');
  res.setHeader('Access-Control-Allow-Credentials', 'true');
  res.json({ fetchInit });
});
