// The secrets rule pack: provider key formats with their structure checks, the look-alikes that must
// stay quiet, client-exposed env names, browser AI clients, and redaction in every output.
// Secrets are generated here from a seeded generator rather than written out, so this file holds none.

import assert from 'node:assert/strict';
import { createHmac, generateKeyPairSync } from 'node:crypto';
import { describe, it } from 'node:test';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { auditFolder, scanTexts } from '../../server/src/engine/audit';
import { estimateCost } from '../../server/src/engine/cost';
import { findCheck } from '../../server/src/engine/checks/registry';
import { exposedSecretName } from '../../server/src/engine/checks/secrets/envNames';
import { classifyJwt } from '../../server/src/engine/checks/secrets/jwt';
import { findSecrets, SECRET_HINTS } from '../../server/src/engine/checks/secrets/scan';
import { base62, crc32, githubChecksumHolds, looksLikePlaceholder } from '../../server/src/engine/checks/secrets/structure';
import { formatText } from '../../server/src/engine/report/text';
import { builtinRulesDir } from '../../server/src/engine/rules/builtin';
import { loadRules } from '../../server/src/engine/rules/load';
import type { Finding } from '../../server/src/engine/types';

const rulesDir = builtinRulesDir();
const ruleSet = loadRules([rulesDir], rulesDir);

/** mulberry32: the same "random" keys on every run. */
function generator(seed: number): (n: number, alphabet?: string) => string {
  const ALNUM = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
  let state = seed;
  const next = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return (n, alphabet = ALNUM) => Array.from({ length: n }, () => alphabet[Math.floor(next() * alphabet.length)]).join('');
}
const random = generator(20240611);

function jwt(payload: object, secret = random(40)): string {
  const part = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const unsigned = `${part({ alg: 'HS256', typ: 'JWT' })}.${part(payload)}`;
  return `${unsigned}.${createHmac('sha256', secret).update(unsigned).digest('base64url')}`;
}

function githubToken(prefix: string): string {
  const body = random(30);
  return `${prefix}_${body}${base62(crc32(body), 6)}`;
}

const DEMO_SECRET = 'super-secret-jwt-token-with-at-least-32-characters-long';
const ref = random(20, 'abcdefghijklmnopqrstuvwxyz');
const pem = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();

/** One real-looking credential per family, with the rule that must report it. */
const planted: { rule: string; secret: string; line: string }[] = [
  { rule: 'supabase/service-role-key', secret: jwt({ iss: 'supabase', ref, role: 'service_role' }), line: "const key = '$'" },
  { rule: 'supabase/service-role-key', secret: `sb_secret_${random(30)}`, line: "const key = '$'" },
  { rule: 'generic/ai-provider-key', secret: `sk-proj-${random(74)}T3BlbkFJ${random(74)}`, line: "const key = '$'" },
  { rule: 'generic/ai-provider-key', secret: `sk-ant-api03-${random(93)}AA`, line: "const key = '$'" },
  { rule: 'generic/stripe-secret-key', secret: `sk_live_${random(99)}`, line: "const key = '$'" },
  { rule: 'generic/stripe-test-key', secret: `sk_test_${random(99)}`, line: "const key = '$'" },
  { rule: 'generic/aws-credentials', secret: `AKIA${random(16, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567')}`, line: "const id = '$'" },
  { rule: 'generic/aws-credentials', secret: random(40), line: "const secretAccessKey = '$'" },
  { rule: 'generic/platform-token', secret: githubToken('ghp'), line: "const key = '$'" },
  { rule: 'generic/messaging-token', secret: `xoxb-${random(12, '0123456789')}-${random(13, '0123456789')}-${random(24)}`, line: "const key = '$'" },
  { rule: 'generic/database-url-password', secret: random(20), line: "const url = 'postgresql://postgres:$@db.example-ref.supabase.co:5432/postgres'" },
  { rule: 'generic/private-key', secret: pem.split('\n').slice(1, -2).join(''), line: `const pem = \`${pem}\`` },
];

/** A file per planted secret (a line may hold `$` for the secret, or embed it already). */
function plantedFiles(): Map<string, string> {
  const files = new Map<string, string>();
  planted.forEach((p, i) => files.set(`src/planted${i}.ts`, p.line.includes('$') ? p.line.replace('$', p.secret) + '\n' : p.line + '\n'));
  return files;
}

function findingsOf(files: Record<string, string> | Map<string, string>): Finding[] {
  const map = files instanceof Map ? files : new Map(Object.entries(files));
  return scanTexts(map, ruleSet).state.allFindings();
}

const secretRule = (f: Finding) => f.kind === 'security' && f.category === 'secrets';

describe('secrets: JWT classification', () => {
  it('reads the role claim: service_role is a secret, anon and user sessions are not', () => {
    const split = (t: string) => t.split('.') as [string, string, string];
    assert.equal(classifyJwt(...split(jwt({ iss: 'supabase', ref, role: 'service_role' }))).privilegedRole, 'service_role');
    assert.equal(classifyJwt(...split(jwt({ iss: 'supabase', ref, role: 'anon' }))).quietBecause, 'not-privileged');
    assert.equal(classifyJwt(...split(jwt({ role: 'authenticated', sub: 'u1' }))).quietBecause, 'not-privileged');
  });

  it('leaves Storage signed-URL tokens, demo keys and non-JWTs alone', () => {
    const split = (t: string) => t.split('.') as [string, string, string];
    assert.equal(classifyJwt(...split(jwt({ url: 'avatars/a.png', iat: 1 }))).quietBecause, 'not-privileged');
    assert.equal(classifyJwt(...split(jwt({ iss: 'supabase-demo', role: 'service_role' }, DEMO_SECRET))).quietBecause, 'demo-key');
    // Signed with the published demo secret but claiming a hosted issuer: still only a local key.
    assert.equal(classifyJwt(...split(jwt({ iss: 'supabase', role: 'service_role' }, DEMO_SECRET))).quietBecause, 'demo-key');
    assert.equal(classifyJwt('eyJub3QiOiJqd3QifQ', 'eyJyb2xlIjoic2VydmljZV9yb2xlIn0', 'x'.repeat(20)).quietBecause, 'not-jwt');
  });
});

describe('secrets: structure checks', () => {
  it('verifies GitHub token checksums', () => {
    const token = githubToken('ghp');
    assert.ok(githubChecksumHolds(token));
    assert.ok(!githubChecksumHolds(token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A')));
  });

  it('tells typed placeholders from random bodies', () => {
    for (const typed of ['your-api-key-here', 'YOUR_SECRET_KEY', 'abcdefghijklmnopqrstuvwx', '000000000000000000000000', '<paste-key>', 'EXAMPLEKEY1234567890', 'abc123abc123abc123abc123']) {
      assert.ok(looksLikePlaceholder(typed), typed);
    }
    // Mixed-case runs such as `xXxX` turn up in real keys and are not placeholder marks.
    assert.ok(!looksLikePlaceholder(`GHgMfFJ09uErpxXxX1CA0eubX3qY6vR0MTsvG7z66b`));
    for (let i = 0; i < 200; i++) assert.ok(!looksLikePlaceholder(random(40)), 'random bodies are never placeholders');
  });

  it('pairs an AWS access key id with its secret half', () => {
    const id = `AKIA${random(16, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567')}`;
    const found = findSecrets(`aws_access_key_id = ${id}\naws_secret_access_key = ${random(40)}\n`);
    assert.deepEqual(found.map((s) => s.label), ['AWS access key id (its secret access key is in this file too)', 'AWS secret access key']);
  });
});

describe('secrets: the one-pass gates', () => {
  it('never hide a secret: the same secrets as with every gate open', () => {
    const allOpen = new Set(SECRET_HINTS);
    const examples = join(rulesDir, '..', 'examples');
    const files = [...readdirSync(examples, { recursive: true, withFileTypes: true }), ...readdirSync(rulesDir, { recursive: true, withFileTypes: true })]
      .filter((e) => e.isFile())
      .map((e) => readFileSync(join(e.parentPath, e.name), 'utf8'));
    const variants = planted.map((p) => p.line.replace('$', p.secret));
    variants.push(
      variants[10].replace('postgresql', 'POSTGRESQL'), `const url = 'MongoDB+srv://admin:${random(20)}@cluster0.abcd.mongo-host.net/app'`,
      variants[7].replace('secretAccessKey', 'AWS_SECRET_ACCESS_KEY'), `SECRET_KEY: "${random(40)}"`,
    );
    let secrets = 0;
    for (const text of [...variants, ...files]) {
      const gated = findSecrets(text);
      findSecrets(''); // (the last text's answer is kept)
      assert.deepEqual(gated, findSecrets(text, allOpen), text.slice(0, 120));
      findSecrets('');
      secrets += gated.length;
    }
    assert.ok(secrets >= variants.length, `only ${secrets} secrets found`);
  });
});

describe('secrets: every planted credential is found', () => {
  it('reports each planted secret under its rule', () => {
    const findings = findingsOf(plantedFiles()).filter(secretRule);
    planted.forEach((p, i) => {
      const here = findings.filter((f) => f.file === `src/planted${i}.ts`).map((f) => f.ruleId);
      assert.deepEqual(here, [p.rule], `planted${i}`);
    });
  });

  it('finds a service-account JSON once, not again as a bare PEM key', () => {
    const json = JSON.stringify({ type: 'service_account', project_id: 'p', private_key_id: random(40, '0123456789abcdef'), private_key: pem, client_email: 'x@p.iam.gserviceaccount.com' }, null, 2);
    const ids = findingsOf({ 'keys/sa.json': json }).filter(secretRule).map((f) => f.ruleId);
    assert.deepEqual(ids, ['firebase/service-account-key']);
  });
});

describe('secrets: detectors whose pattern does not start with a fixed text', () => {
  // A file is searched only for detectors whose hints it holds (scan.ts): each of these would go
  // unseen if its hints were wrong. Lines as they sit in code, with the words a detector needs near.
  const hex = (n: number) => random(n, '0123456789abcdef');
  const digits = (n: number) => random(n, '0123456789');
  const cases: [string, string][] = [
    ['Stripe live restricted key', `const key = 'rk_live_${random(40)}'`],
    ['Stripe test restricted key', `const key = 'rk_test_${random(40)}'`],
    ['GitHub OAuth token', `const token = '${githubToken('gho')}'`],
    ['Vercel token', `VERCEL_TOKEN=vcp_${random(30)}`],
    ['Cloudflare API token', `CF_TOKEN=cfut_${random(44)}`],
    ['DigitalOcean token', `DO_TOKEN=dop_v1_${hex(64)}`],
    ['Doppler token', `DOPPLER_TOKEN=dp.pt.${random(43)}`],
    ['Shopify access token', `const token = 'shpat_${hex(32)}'`],
    ['Azure AD client secret', `AZURE_CLIENT_SECRET=${random(3)}8Q~${random(34)}`],
    ['Slack user token', `const t = 'xoxp-${digits(12)}-${digits(12)}-${digits(12)}-${random(32)}'`],
    ['Slack webhook URL', `const hook = 'https://hooks.slack.com/services/${random(44)}'`],
    ['Discord webhook URL', `const hook = 'https://discord.com/api/webhooks/${digits(18)}/${random(68)}'`],
    ['SendGrid API key', `const key = 'SG.${random(22)}.${random(43)}'`],
    ['Twilio API key', `const twilioKey = 'SK${hex(32)}'`],
    ['Telegram bot token', `const telegramToken = '${digits(10)}:A${random(34)}'`],
    ['Appwrite API key', `APPWRITE_API_KEY=${random(128)}`],
    ['Appwrite API key', `client.setKey('${random(128)}')`],
    ['Netlify access token', `NETLIFY_AUTH_TOKEN=${random(43)}`],
    ['Cohere API key', `COHERE_API_KEY=${random(40)}`],
    ['AWS access key id', `const id = 'ASIA${random(16, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567')}'`],
  ];
  for (const [label, line] of cases) {
    it(`finds a ${label}`, () => assert.deepEqual(findSecrets(`// config\n${line}\n`).map((s) => s.label), [label]));
  }
});

describe('secrets: look-alikes stay quiet', () => {
  const quiet: Record<string, string> = {
    'anon JWT': jwt({ iss: 'supabase', ref, role: 'anon' }),
    'Storage signed-URL token': `https://${ref}.supabase.co/storage/v1/object/sign/a/b.png?token=${jwt({ url: 'a/b.png', iat: 1, exp: 2 })}`,
    'Supabase CLI demo key': jwt({ iss: 'supabase-demo', role: 'service_role', exp: 1983812996 }, DEMO_SECRET),
    'publishable Supabase key': `sb_publishable_${random(30)}`,
    'Stripe publishable key': `pk_live_${random(99)}`,
    'Firebase web config': `const firebaseConfig = {\n  apiKey: 'AIza${random(35)}',\n  authDomain: 'demo.firebaseapp.com',\n};`,
    'Appwrite project id': `client.setEndpoint('https://cloud.appwrite.io/v1').setProject('${random(20, 'abcdef0123456789')}')`,
    'typed GitHub token': `ghp_${random(36)}`,
    'AWS documentation key': 'AKIAIOSFODNN7EXAMPLE wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
    'placeholder Stripe key': 'sk_live_xxxxxxxxxxxxxxxxxxxxxxxx',
    'placeholder OpenAI key': `sk-proj-${'x'.repeat(48)}`,
    'password template': 'postgresql://postgres:[YOUR-PASSWORD]@db.abc.supabase.co:5432/postgres',
    'local database': 'postgres://postgres:postgres@localhost:5432/postgres and postgresql://postgres:postgres@127.0.0.1:54322/postgres',
    'compose service': 'postgres://app:devpass@db:5432/app',
    'changeme password': 'mysql://root:changeme@mysql.internal.example.com/app',
    'truncated PEM': '-----BEGIN PRIVATE KEY-----\\n...\\n-----END PRIVATE KEY-----',
    'empty .env.example values': 'SUPABASE_SERVICE_ROLE_KEY=\nOPENAI_API_KEY=\nSTRIPE_SECRET_KEY=your-key-here\n',
  };
  for (const [name, text] of Object.entries(quiet)) {
    it(name, () => assert.deepEqual(findSecrets(text), []));
  }
});

describe('secrets: client-exposed env names', () => {
  it('flags secret-looking names under public prefixes only', () => {
    for (const name of ['VITE_SUPABASE_SERVICE_ROLE_KEY', 'NEXT_PUBLIC_OPENAI_API_KEY', 'EXPO_PUBLIC_GEMINI_API_KEY', 'REACT_APP_STRIPE_SECRET_KEY', 'PUBLIC_DATABASE_URL', 'NUXT_PUBLIC_ADMIN_TOKEN']) {
      assert.ok(exposedSecretName(name), name);
    }
    for (const name of ['VITE_SUPABASE_ANON_KEY', 'NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY', 'VITE_FIREBASE_API_KEY', 'REACT_APP_ADMIN_EMAIL', 'SUPABASE_SERVICE_ROLE_KEY', 'VITE_SECRETARY_NAME', 'VITE_APPWRITE_PROJECT_ID']) {
      assert.equal(exposedSecretName(name), undefined, name);
    }
  });

  it('reads .env keys, JS reads and component files, not strings', () => {
    const findings = findingsOf({
      '.env.local': 'VITE_OPENAI_API_KEY=\nVITE_API_URL=/api\n',
      'src/a.ts': "const k = import.meta.env.VITE_SUPABASE_SERVICE_ROLE_KEY\nconst s = 'VITE_STRIPE_SECRET_KEY'\n",
      'src/B.vue': '<script setup>\nconst k = import.meta.env.NEXT_PUBLIC_ANTHROPIC_API_KEY\n</script>\n',
    }).filter((f) => f.ruleId === 'generic/client-exposed-secret-env');
    assert.deepEqual(findings.map((f) => `${f.file}:${f.line}`), ['.env.local:1', 'src/B.vue:2', 'src/a.ts:1']);
  });
});

describe('secrets: browser AI clients', () => {
  it('needs the flag and a constructor imported from the SDK', () => {
    const findings = findingsOf({
      'src/a.ts': "import OpenAI from 'openai'\nexport const c = new OpenAI({ apiKey: 'k', dangerouslyAllowBrowser: true })\n",
      'src/b.ts': "import Anthropic from 'https://esm.sh/@anthropic-ai/sdk@0.30.0'\nexport const c = new Anthropic({ dangerouslyAllowBrowser: true })\n",
      'src/c.ts': "class OpenAI { constructor(_: object) {} }\nexport const c = new OpenAI({ dangerouslyAllowBrowser: true })\n",
      'src/d.ts': "import OpenAI from 'openai'\nexport const c = new OpenAI({ apiKey: process.env.KEY })\n",
    }).filter((f) => f.ruleId === 'generic/browser-ai-client');
    assert.deepEqual(findings.map((f) => `${f.file}:${f.line} ${f.message.split(' ')[0]}`), ['src/a.ts:2 OpenAI', 'src/b.ts:2 Anthropic']);
  });
});

describe('secrets: redaction', () => {
  /** The secret's own text, or any 9-character slice of it, must not appear. */
  function assertNoLeak(output: string, where: string): void {
    for (const { secret } of planted) {
      for (let i = 0; i + 9 <= secret.length; i += 3) {
        assert.ok(!output.includes(secret.slice(i, i + 9)), `${where} leaks part of ${secret.slice(0, 4)}…`);
      }
    }
  }

  it('keeps planted secrets out of check vars', () => {
    const check = findCheck('secret-literal')!;
    assert.equal(check.scope, 'file');
    for (const [file, text] of plantedFiles()) {
      if (check.scope !== 'file') continue;
      const hits = check.run({ file, text }, {});
      assert.ok(hits.length > 0, file);
      assertNoLeak(JSON.stringify(hits.map((h) => h.vars)), `vars of ${file}`);
    }
  });

  it('keeps planted secrets out of the JSON and text reports', () => {
    const findings = findingsOf(plantedFiles());
    assert.ok(findings.filter(secretRule).length >= planted.length);
    const report = { version: 1 as const, root: '/w', findings, cost: estimateCost(findings), errors: [], stats: { files: 0, bytes: 0, skipped: 0, ms: 0, skippedByReason: {} } };
    assertNoLeak(JSON.stringify(report), 'JSON report');
    assertNoLeak(formatText(report, false), 'text report');
  });

  it('keeps the example apps\' JWTs and keys out of their audit report', async () => {
    const examples = join(dirname(rulesDir), 'examples');
    const secrets = new Set<string>();
    const collect = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) {
          collect(path);
          continue;
        }
        const text = readFileSync(path, 'utf8');
        for (const s of findSecrets(text)) secrets.add(text.slice(s.start, s.end));
      }
    };
    collect(examples);
    assert.ok(secrets.size > 0, 'the examples plant at least one secret');
    const report = await auditFolder(examples, ruleSet);
    assert.ok(report.findings.some((f) => f.ruleId === 'supabase/service-role-key'));
    for (const output of [JSON.stringify(report), formatText(report, false)]) {
      for (const secret of secrets) assert.ok(!output.includes(secret.slice(4, -4)), `a report leaks ${secret.slice(0, 4)}…`);
    }
  });
});
