// The Lambda-compatible form Netlify still runs.
// ruleid: netlify/function-handler
exports.handler = async (event) => ({ statusCode: 200, body: event.path })
