// A clinic's lookup service: partner systems send their partner key in the query string.
const express = require('express');
const { findVisits, cancelVisit } = require('./visits');

const app = express();

app.get('/visits', async (req, res) => {
  // ruleid: generic/check-without-return
  if (req.query.partnerKey !== process.env.PARTNER_KEY) {
    res.status(401).send('Unauthorized');
  }
  const visits = await findVisits(req.query.patient);
  res.json(visits);
});

app.post('/visits/cancel', async (req, res) => {
  // ok: generic/check-without-return
  if (req.headers['x-partner-key'] !== process.env.PARTNER_KEY) {
    return res.status(401).send('Unauthorized');
  }
  await cancelVisit(req.body.visitId);
  res.sendStatus(204);
});

app.get('/visits/count', async (req, res) => {
  // ok: generic/check-without-return
  if (!req.query.patient) {
    res.json({ count: 0 });
  }
  const visits = await findVisits(req.query.patient);
  res.json({ count: visits.length });
});

module.exports = app;
