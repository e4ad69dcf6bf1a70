// The fix: the function calls the provider itself and returns the result only.
exports.handler = async function (event) {
  const city = encodeURIComponent(event.queryStringParameters.city ?? 'Oslo');
  const reply = await fetch(`https://forecast.example.test/v1?q=${city}`, {
    // ok: generic/secret-env-returned
    headers: { 'x-api-key': process.env.FORECAST_API_KEY },
  });
  // The public site id may be shown.
  // ok: generic/secret-env-returned
  return { statusCode: 200, body: JSON.stringify({ site: process.env.PUBLIC_SITE_ID, forecast: await reply.json() }) };
};
