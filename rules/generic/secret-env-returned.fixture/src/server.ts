import express from 'express';

const app = express();

app.get('/config', (_req, res) => {
  // ruleid: generic/secret-env-returned
  res.json({ mapsKey: process.env.MAPS_SECRET_KEY, region: 'eu' });
});

// A helper that is not a handler: its caller decides what to do with the value.
function mailerOptions() {
  // ok: generic/secret-env-returned
  return { apiKey: process.env.MAILER_API_KEY, from: 'noreply@example.test' };
}

app.post('/mail', async (_req, res) => {
  const options = mailerOptions();
  await fetch('https://mail.example.test/send', { method: 'POST', body: JSON.stringify({ from: options.from }) });
  res.json({ sent: true });
});
