const functions = require('firebase-functions/v1')

// ruleid: firebase/functions-data-trigger
exports.onOrder = functions.firestore.document('orders/{orderId}').onCreate((snap) => snap.data())

// ruleid: firebase/functions-data-trigger
exports.onScore = functions.region('europe-west1').database.ref('/scores/{uid}').onWrite((change) => change.after.val())

// ok: firebase/functions-data-trigger
exports.onSignup = functions.auth.user().onCreate((user) => user.uid)

// ok: firebase/functions-data-trigger
const sample = "functions.firestore.document('a/{b}').onUpdate(handler)"
module.exports.sample = sample
