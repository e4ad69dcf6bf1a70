const { OpenAI } = require('openai');
const sdk = require('openai');

// ruleid: generic/browser-ai-client
const client = new OpenAI({ apiKey: window.localStorage.getItem('key'), dangerouslyAllowBrowser: true });
// ruleid: generic/browser-ai-client
const other = new sdk.OpenAI({ apiKey: window.localStorage.getItem('key'), dangerouslyAllowBrowser: true });

module.exports = { client, other };
