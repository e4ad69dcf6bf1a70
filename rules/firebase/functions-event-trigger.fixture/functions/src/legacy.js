const functions = require('firebase-functions/v1')

// ruleid: firebase/functions-event-trigger
exports.welcome = functions.auth.user().onCreate((user) => console.log(user.email))

// ruleid: firebase/functions-event-trigger
exports.hourly = functions.pubsub.schedule('every 60 minutes').timeZone('Europe/Paris').onRun(() => null)

// ruleid: firebase/functions-event-trigger
exports.resize = functions.runWith({ memory: '1GB' }).storage.object().onFinalize((object) => object.name)

// ok: firebase/functions-event-trigger
exports.api = functions.https.onRequest((req, res) => res.end())
