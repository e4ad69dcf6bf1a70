// Hands the provider key to whoever calls the function.
exports.handler = async function () {
  return {
    statusCode: 200,
    // ruleid: generic/secret-env-returned
    body: JSON.stringify({ key: process.env.FORECAST_API_KEY }),
  };
};
