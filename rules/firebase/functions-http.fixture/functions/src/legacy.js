const functions = require('firebase-functions/v1')
const legacyRoot = require('firebase-functions')

// ruleid: firebase/functions-http
exports.webhook = functions.https.onRequest((req, res) => res.sendStatus(204))

// ruleid: firebase/functions-http
exports.regional = functions.region('europe-west1').runWith({ memory: '512MB' }).https.onRequest((req, res) => res.end())

// ruleid: firebase/functions-http
exports.old = legacyRoot.https.onRequest((req, res) => res.end())

// ok: firebase/functions-http
exports.callable = functions.https.onCall((data) => data)
