// A booking desk's API, meant to be called from the desk's own web app only.
const express = require('express');
const { listBookings, bookingsFor } = require('./bookings');

const app = express();
const DESK_SITE = 'https://desk.example.org';

app.get('/bookings', async (req, res) => {
  // ruleid: generic/origin-header-as-auth
  if (req.headers.origin !== DESK_SITE) {
    return res.status(403).send('Forbidden');
  }
  res.json(await listBookings());
});

app.get('/bookings/mine', async (req, res) => {
  // ok: generic/origin-header-as-auth
  if (req.get('origin') !== DESK_SITE) return res.status(403).send('Forbidden');
  if (req.headers['x-desk-key'] !== process.env.DESK_KEY) return res.status(401).send('Unauthorized');
  res.json(await bookingsFor(req.query.guest));
});

app.options('/bookings', (req, res) => {
  // ok: generic/origin-header-as-auth
  if (req.headers.origin === DESK_SITE) res.set('Access-Control-Allow-Origin', DESK_SITE);
  res.sendStatus(204);
});

module.exports = app;
