// The older function format: `exports.handler` in CommonJS. Any visitor can add votes for anyone.
const { getStore } = require('@netlify/blobs');

exports.handler = async (event) => {
  const { option } = JSON.parse(event.body || '{}');
  const votes = getStore('poll-votes');
  const count = Number((await votes.get(option)) ?? 0);
  // ruleid: netlify/blobs-write-without-caller-check
  await votes.set(option, String(count + 1));
  return { statusCode: 204 };
};
