const functions = require('firebase-functions');
const { handleMention } = require('./bot');

module.exports = {
  // Trusts whatever is posted: no Slack signature is checked anywhere in this file.
  // ruleid: generic/webhook-without-signature
  events: functions.https.onRequest(async (req, res) => {
    if (req.body.type === 'url_verification') {
      res.send(req.body.challenge);
      return;
    }
    if (req.body.type === 'event_callback') await handleMention(req.body.event);
    res.sendStatus(200);
  }),
};
