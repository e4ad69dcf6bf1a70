// Secret-looking environment variable names under a client-exposed prefix. Vite, Next.js, Expo,
// Create React App, SvelteKit/Astro and Nuxt inline every variable with their public prefix into the
// browser bundle at build time, so `VITE_SUPABASE_SERVICE_ROLE_KEY` is public whatever its value.

import { posix } from 'node:path';
import type { CheckFile, CheckHit, FileCheck } from '../registry';
import { dotenvEntries, envReadsFromFacts, NamedSpan } from '../../scan/extract';
import { isDotenvName } from '../../scan/fileKinds';

/** Longest first, so `NEXT_PUBLIC_X` is not read as `PUBLIC_` + …. */
const PUBLIC_PREFIXES = ['NEXT_PUBLIC_', 'EXPO_PUBLIC_', 'NUXT_PUBLIC_', 'REACT_APP_', 'VITE_', 'PUBLIC_'];

/** Names of keys that are public by design; a publishable key is meant for the browser. */
const PUBLISHABLE = /(?:^|_)(?:ANON_KEY|PUBLISHABLE(?:_KEY)?|PUBLIC_KEY|FIREBASE_API_KEY|SITE_KEY|CLIENT_ID|APP_ID|PROJECT_ID)$/;

/** Words that say "secret" on their own (matched as whole `_`-separated words). */
const SECRET_WORDS = /(?:^|_)(?:SECRET|SECRETS|PRIVATE|PASSWORD|PASSWD|CREDENTIALS|SERVICE_ROLE|SERVICE_KEY|SERVICE_ACCOUNT|RESTRICTED_KEY|AUTH_TOKEN|BOT_TOKEN|DATABASE_URL|DB_URL|DB_PASSWORD|CONNECTION_STRING|SLACK_WEBHOOK(?:_URL)?|DISCORD_WEBHOOK(?:_URL)?|ADMIN_(?:API_)?(?:KEY|TOKEN))(?:_|$)/;

/** Providers whose API keys and tokens are always server-side credentials. */
const SECRET_PROVIDERS = /(?:^|_)(?:OPENAI|ANTHROPIC|CLAUDE|GEMINI|GROQ|MISTRAL|COHERE|DEEPSEEK|OPENROUTER|REPLICATE|PERPLEXITY|XAI|HUGGINGFACE|HF|ELEVENLABS|SENDGRID|RESEND|MAILGUN|POSTMARK|TWILIO|GITHUB|GH|SLACK|APPWRITE|BASE44)_(?:\w+_)?(?:KEY|TOKEN)$/;

/** The public prefix and a reason, when the name puts a secret where the browser can read it. */
export function exposedSecretName(name: string): { prefix: string } | undefined {
  const prefix = PUBLIC_PREFIXES.find((p) => name.startsWith(p));
  if (!prefix) return undefined;
  const rest = name.slice(prefix.length);
  if (PUBLISHABLE.test(rest)) return undefined;
  return SECRET_WORDS.test(rest) || SECRET_PROVIDERS.test(rest) ? { prefix } : undefined;
}

/** Reads in files the engine does not parse as JS (Vue/Svelte/Astro components, HTML). */
const TEXT_ENV_READ = /\b(?:import\.meta\.env|process\.env)\.([A-Z_][A-Z0-9_]*)/g;

function envNamesIn(file: CheckFile): NamedSpan[] {
  if (isDotenvName(posix.basename(file.file))) return dotenvEntries(file.text);
  if (file.facts) return envReadsFromFacts(file.facts);
  return [...file.text.matchAll(TEXT_ENV_READ)].map((m) => ({ name: m[1], span: { start: m.index!, end: m.index! + m[0].length } }));
}

export const clientExposedSecretEnv: FileCheck = {
  name: 'client-exposed-secret-env',
  scope: 'file',
  // A public prefix starting a name that goes on to a secret word (every word the checks above end
  // or contain: KEY and TOKEN cover the provider names); most files with `PUBLIC_` have none.
  prefilter: /\b(?:VITE_|NEXT_PUBLIC_|EXPO_PUBLIC_|REACT_APP_|PUBLIC_|NUXT_PUBLIC_)\w*?(?:SECRET|PRIVATE|PASSW|CREDENTIALS|SERVICE_|KEY|TOKEN|DATABASE_URL|DB_URL|CONNECTION_STRING|WEBHOOK)/,
  hints: ['VITE_', 'PUBLIC_', 'REACT_APP_'].map((text) => ({ text })), // the other prefixes end `PUBLIC_`
  run(file: CheckFile): CheckHit[] {
    const hits: CheckHit[] = [];
    for (const { name, span } of envNamesIn(file)) {
      const exposed = exposedSecretName(name);
      if (exposed) hits.push({ span, vars: { name, prefix: exposed.prefix } });
    }
    return hits;
  },
};
