import { ServerClient } from 'postmark';
import { WebClient } from '@slack/web-api';
import twilio from 'twilio';

// ruleid: generic/messaging-token
const slack = new WebClient('xoxb-968979175238-6146387629599-s7PznvAxKU6On9Qz1k2qw35j');
// ruleid: generic/messaging-token
const ALERTS_WEBHOOK = 'https://hooks.slack.com/services/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';
// ruleid: generic/messaging-token
const DISCORD_WEBHOOK = 'https://discord.com/api/webhooks/0465068509832390061/bOiWmSoL4ke9H6tpFtjqOH3w7HPTS8m0sxsf0uKDbAnwmjVOzD8KtX91kgz4pB7V8ixD';
// ruleid: generic/messaging-token
const SENDGRID_KEY = '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';
// ruleid: generic/messaging-token
const sms = twilio('SK1047ffe86a642375c1797799c77a59d4', process.env.TWILIO_API_SECRET, { accountSid: process.env.TWILIO_ACCOUNT_SID });

// ruleid: generic/messaging-token
const resendKey = process.env.RESEND_API_KEY ?? 're_7zEmqPli_ME1gylnl18QsFeLevcCh5cXd';
// ruleid: generic/messaging-token
const postmark = new ServerClient('103746e8-e079-3f93-f676-fcf5816a2231'); // Postmark server token
// A UUID with no Postmark in sight is just an id.
// ok: generic/messaging-token
const requestId = '89ff371f-8486-40c3-d7b1-1ee015a1af1c';

// Slack's documentation example and environment reads are fine.
// ok: generic/messaging-token
const docsWebhook = 'https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX';
// ok: generic/messaging-token
const fromEnv = process.env.SLACK_WEBHOOK_URL;

export { resendKey, postmark, requestId };
export { slack, ALERTS_WEBHOOK, DISCORD_WEBHOOK, SENDGRID_KEY, sms, docsWebhook, fromEnv };
