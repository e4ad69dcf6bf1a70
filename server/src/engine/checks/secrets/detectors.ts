// Provider key formats recognised by their prefix and shape (platforms.md §13). Each detector names
// the random part of the token (`body`), which must look generated rather than typed; some add a
// structural check (a checksum, a fixed marker) or need a word nearby because their shape alone is
// too common. Public-by-design keys (Stripe `pk_`, Supabase `sb_publishable_`, Firebase web keys)
// have no detector at all.

import { githubChecksumHolds } from './structure';

export type SecretFamily =
  | 'supabase-secret'
  | 'google-service-account'
  | 'private-key'
  | 'ai-provider'
  | 'stripe-secret'
  | 'stripe-test'
  | 'aws'
  | 'platform-token'
  | 'messaging'
  | 'database-url'
  | 'jwt'
  | 'named-credential'
  | 'env-fallback';

export interface TokenDetector {
  family: SecretFamily;
  label: string | ((token: string) => string);
  /** Global regex; the whole match is the token and the named group `body` its random part. */
  pattern: RegExp;
  /** A structural test on the whole token (checksum, marker). */
  valid?(token: string): boolean;
  /** A word that must occur close by, for shapes that are common by chance (never a global regex). */
  near?: RegExp;
  /** Where `near` is looked for: a few hundred characters around (default) or the token's own line and the one above. */
  nearScope?: 'window' | 'line';
  /** The body has its own structure (numbers, fixed parts), so entropy heuristics do not apply. */
  structured?: boolean;
  /** The match starts with a variable name; only the `body` is the secret (and the finding's span). */
  named?: boolean;
  /**
   * Literal texts one of which every match contains, where the pattern does not start with a
   * literal of three characters or more (see scan.ts: a file holding none skips the detector).
   */
  hints?: string[];
}

const EDGE = '[A-Za-z0-9_-]';

/** A token with a literal prefix, not glued to other token characters on either side. */
function token(prefix: string, body: string, flags = ''): RegExp {
  return new RegExp(`(?<!${EDGE})${prefix}(?<body>${body})(?!${EDGE})`, `g${flags}`);
}

/** OpenAI keys carry base64("OpenAI") in the middle; keys without it are still `sk-` secrets. */
const OPENAI_MARKER = 'T3BlbkFJ';

export const TOKEN_DETECTORS: TokenDetector[] = [
  // Supabase's new-style secret key (its publishable twin `sb_publishable_` is public by design).
  { family: 'supabase-secret', label: 'secret key', pattern: token('sb_secret_', '[A-Za-z0-9_-]{20,}') },

  // AI providers. Specific `sk-` prefixes come before the generic one so each key is named once.
  {
    family: 'ai-provider',
    label: (t) => (t.startsWith('sk-ant-admin') ? 'Anthropic admin key' : 'Anthropic API key'),
    pattern: token('sk-ant-(?:api|admin)\\d{2}-', '[A-Za-z0-9_-]{80,120}'),
    valid: (t) => t.endsWith('AA'),
  },
  { family: 'ai-provider', label: 'OpenRouter API key', pattern: token('sk-or-v1-', '[0-9a-f]{64}') },
  {
    family: 'ai-provider',
    label: (t) => `OpenAI ${/^sk-(proj|svcacct|admin)/.exec(t)?.[1] ?? 'project'} key`,
    pattern: token('sk-(?:proj|svcacct|admin)-', '[A-Za-z0-9_-]{40,250}'),
    hints: ['sk-proj-', 'sk-svcacct-', 'sk-admin-'],
  },
  {
    family: 'ai-provider',
    label: (t) => (t.includes(OPENAI_MARKER) ? 'OpenAI API key' : 'sk- API key'),
    pattern: token('sk-', '[A-Za-z0-9]{32,64}'),
  },
  { family: 'ai-provider', label: 'Groq API key', pattern: token('gsk_', '[A-Za-z0-9]{52}') },
  { family: 'ai-provider', label: 'xAI API key', pattern: token('xai-', '[A-Za-z0-9_]{80}') },
  { family: 'ai-provider', label: 'Perplexity API key', pattern: token('pplx-', '[A-Za-z0-9]{48}') },
  { family: 'ai-provider', label: 'Hugging Face token', pattern: token('hf_', '[A-Za-z]{34}') },
  { family: 'ai-provider', label: 'AWS Bedrock API key', pattern: token('ABSK', '[A-Za-z0-9+/]{109,269}={0,2}') },
  // The `AIza` shape is also every Firebase web key, which is public: only a Gemini context makes it secret.
  {
    family: 'ai-provider',
    label: 'Google API key used for Gemini',
    pattern: token('AIza', '[A-Za-z0-9_-]{35}'),
    near: /gemini|generativelanguage|GoogleGenerativeAI|GoogleGenAI/i,
    nearScope: 'line',
  },

  // Stripe: live secret and restricted keys, webhook signing secrets; test-mode keys separately.
  {
    family: 'stripe-secret',
    label: (t) => (t.startsWith('rk_') ? 'Stripe live restricted key' : 'Stripe live secret key'),
    pattern: token('[sr]k_(?:live|prod)_', '[A-Za-z0-9]{20,247}'),
    hints: ['sk_live_', 'rk_live_', 'sk_prod_', 'rk_prod_'],
  },
  { family: 'stripe-secret', label: 'Stripe webhook signing secret', pattern: token('whsec_', '[A-Za-z0-9+/=]{32,}') },
  {
    family: 'stripe-test',
    label: (t) => (t.startsWith('rk_') ? 'Stripe test restricted key' : 'Stripe test secret key'),
    pattern: token('[sr]k_test_', '[A-Za-z0-9]{20,247}'),
    hints: ['sk_test_', 'rk_test_'],
  },

  // Developer platforms and SaaS accounts.
  {
    family: 'platform-token',
    label: githubLabel,
    pattern: token('gh[pousr]_', '[A-Za-z0-9]{36}'),
    valid: githubChecksumHolds,
    hints: ['ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_'],
  },
  {
    family: 'platform-token',
    label: 'GitHub fine-grained token',
    pattern: token('github_pat_', '[A-Za-z0-9]{22}_[A-Za-z0-9]{59}'),
  },
  { family: 'platform-token', label: 'GitLab personal access token', pattern: token('glpat-', '[A-Za-z0-9_-]{20,}') },
  { family: 'platform-token', label: 'npm access token', pattern: token('npm_', '[A-Za-z0-9]{36}') },
  { family: 'platform-token', label: 'Supabase personal access token', pattern: token('sbp_', '[a-z0-9]{40}') },
  {
    family: 'platform-token',
    label: 'Vercel token',
    pattern: token('vc[pikar]_', '[A-Za-z0-9]{24,}'),
    hints: ['vcp_', 'vci_', 'vck_', 'vca_', 'vcr_'],
  },
  {
    family: 'platform-token',
    label: 'Cloudflare API token',
    pattern: token('cf(?:k|ut|at)_', '[A-Za-z0-9]{40,}'),
    hints: ['cfk_', 'cfut_', 'cfat_'],
  },
  {
    family: 'platform-token',
    label: 'DigitalOcean token',
    pattern: token('do[opr]_v1_', '[a-f0-9]{64}'),
    hints: ['doo_v1_', 'dop_v1_', 'dor_v1_'],
  },
  { family: 'platform-token', label: 'Heroku API key', pattern: token('HRKU-AA', '[0-9A-Za-z_-]{58}') },
  {
    family: 'platform-token',
    label: 'Doppler token',
    pattern: token('dp\\.pt\\.', '[A-Za-z0-9]{43}'),
    hints: ['dp.pt.'],
  },
  {
    family: 'platform-token',
    label: 'Shopify access token',
    pattern: token('shp(?:at|ca|pa|ss)_', '[a-fA-F0-9]{32}'),
    hints: ['shpat_', 'shpca_', 'shppa_', 'shpss_'],
  },
  { family: 'platform-token', label: 'Linear API key', pattern: token('lin_api_', '[A-Za-z0-9]{40}') },
  {
    family: 'platform-token',
    label: 'Notion integration token',
    pattern: token('ntn_', '[0-9]{11}[A-Za-z0-9]{35}'),
    structured: true,
  },
  { family: 'platform-token', label: 'Google OAuth client secret', pattern: token('GOCSPX-', '[A-Za-z0-9_-]{28}') },
  {
    family: 'platform-token',
    label: 'Azure AD client secret',
    pattern: new RegExp(
      `(?<![A-Za-z0-9_~.-])(?<body>[A-Za-z0-9_~.]{3}\\dQ~[A-Za-z0-9_~.-]{31,34})(?![A-Za-z0-9_~.-])`,
      'g',
    ),
    hints: ['Q~'],
  },

  // Messaging, chat and email.
  { family: 'messaging', label: 'Slack bot token', pattern: token('xoxb-\\d{10,13}-\\d{10,13}-', '[A-Za-z0-9]{20,}') },
  {
    family: 'messaging',
    label: 'Slack user token',
    pattern: token('xox[pe](?:-\\d{10,13}){3}-', '[A-Za-z0-9]{28,34}'),
    hints: ['xoxp-', 'xoxe-'],
  },
  { family: 'messaging', label: 'Slack app token', pattern: token('xapp-\\d-[A-Z0-9]+-\\d+-', '[a-z0-9]{32,}') },
  {
    family: 'messaging',
    label: 'Slack webhook URL',
    pattern: new RegExp(
      'https?://hooks\\.slack\\.com/(?:services|workflows|triggers)/(?<body>[A-Za-z0-9+/]{43,56})(?![A-Za-z0-9+/])',
      'g',
    ),
    hints: ['hooks.slack.com'],
  },
  {
    family: 'messaging',
    label: 'Discord webhook URL',
    pattern: new RegExp(
      'https?://(?:ptb\\.|canary\\.)?discord(?:app)?\\.com/api/webhooks/\\d{17,20}/(?<body>[A-Za-z0-9_-]{60,70})(?![A-Za-z0-9_-])',
      'g',
    ),
    hints: ['discord'],
  },
  {
    family: 'messaging',
    label: 'SendGrid API key',
    pattern: token('SG\\.', '[A-Za-z0-9_-]{22}\\.[A-Za-z0-9_-]{43}'),
    hints: ['SG.'],
  },
  {
    family: 'messaging',
    label: 'Twilio API key',
    pattern: token('SK', '[0-9a-fA-F]{32}'),
    near: /twilio/i,
    hints: ['SK'],
  },
  { family: 'messaging', label: 'Mailgun API key', pattern: token('key-', '[a-f0-9]{32}'), near: /mailgun/i },
  { family: 'messaging', label: 'Resend API key', pattern: token('re_', '[A-Za-z0-9]{8}_[A-Za-z0-9]{20,32}') },
  {
    family: 'messaging',
    label: 'Mailgun API key',
    pattern: token('', '[0-9a-f]{32}-[0-9a-f]{8}-[0-9a-f]{8}'),
    near: /mailgun/i,
    hints: [],
  },
  {
    family: 'messaging',
    label: 'Postmark server token',
    pattern: token('', '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}'),
    near: /postmark/i,
    nearScope: 'line',
    hints: [],
  },
  {
    family: 'messaging',
    label: 'Telegram bot token',
    pattern: token('\\d{5,16}:A', '[A-Za-z0-9_-]{34}'),
    near: /telegr/i,
    hints: [':A'],
  },

  // Prefix-less keys, anchored on their variable name or setter.
  {
    family: 'platform-token',
    label: 'Appwrite API key',
    pattern: named('APPWRITE_(?:API_)?KEY', '[A-Za-z0-9_]{64,}'),
    named: true,
    hints: ['APPWRITE_'],
  },
  { family: 'platform-token', label: 'Appwrite API key', pattern: token('standard_', '[0-9a-f]{64,512}') },
  {
    family: 'platform-token',
    label: 'Appwrite API key',
    pattern: /\.setKey\(\s*["'`](?<body>[A-Za-z0-9_]{64,})["'`]/g,
    named: true,
    hints: ['.setKey('],
  },
  {
    family: 'platform-token',
    label: 'Netlify access token',
    pattern: named('NETLIFY_(?:AUTH_|ACCESS_)?TOKEN', '[A-Za-z0-9_=-]{40,46}'),
    named: true,
    hints: ['NETLIFY_'],
  },
  {
    family: 'ai-provider',
    label: 'Cohere API key',
    pattern: named('(?:COHERE|CO)_API_KEY', '[A-Za-z0-9]{40}'),
    named: true,
    hints: ['CO_API_KEY', 'COHERE_API_KEY'],
  },

  // AWS access key ids; their secret half is found by name (see awsSecretKeys).
  {
    family: 'aws',
    label: 'AWS access key id',
    pattern: new RegExp('(?<![A-Za-z0-9])(?:A3T[A-Z0-9]|AKIA|ASIA|ABIA|ACCA)(?<body>[A-Z2-7]{16})(?![A-Za-z0-9])', 'g'),
    structured: true,
    hints: ['A3T', 'AKIA', 'ASIA', 'ABIA', 'ACCA'],
  },
];

/**
 * Keys without a prefix of their own, recognised by the name they are assigned to
 * (`APPWRITE_API_KEY=…`, `COHERE_API_KEY: '…'`) or the call that takes them (`.setKey('…')`).
 */
function named(names: string, value: string): RegExp {
  return new RegExp(`(?:${names})["'\`]?\\s*[:=]\\s*["'\`]?(?<body>${value})(?![A-Za-z0-9_-])`, 'g');
}

function githubLabel(t: string): string {
  switch (t.slice(0, 3)) {
    case 'ghp':
      return 'GitHub personal access token';
    case 'gho':
      return 'GitHub OAuth token';
    case 'ghu':
      return 'GitHub user-to-server token';
    case 'ghs':
      return 'GitHub app installation token';
    default:
      return 'GitHub refresh token';
  }
}

/** `aws_secret_access_key = …`, `secretAccessKey: '…'`: the 40-character secret half of an AWS key pair. */
export const AWS_SECRET_BY_NAME =
  /(?:aws_?secret_?access_?key|secret_?access_?key|aws_?secret_?key)["'`]?\s*[:=]\s*["'`]?(?<body>[A-Za-z0-9/+]{40})(?![A-Za-z0-9/+])/gi;
