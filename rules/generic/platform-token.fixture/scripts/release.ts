import { Octokit } from '@octokit/rest';

// ruleid: generic/platform-token
const octokit = new Octokit({ auth: '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' });
// ruleid: generic/platform-token
const oauthToken = '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';
// A ghp_-shaped string whose checksum does not hold was typed, not issued by GitHub.
// ok: generic/platform-token
const madeUp = 'ghp_of6TDbervBRTGOfn26mWJyTlXoH2JqfRy1TC';
// ok: generic/platform-token
const placeholder = 'ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx';
// ruleid: generic/platform-token
const gitlab = 'glpat-9f58n5YeH2yXcNn1I47R';
// ruleid: generic/platform-token
const SUPABASE_ACCESS_TOKEN = 'sbp_tyvfjhnx6adnyk6wdocrx5m3jeydnnqk8ud48fy4';
// ok: generic/platform-token
const fromEnv = new Octokit({ auth: process.env.GITHUB_TOKEN });

export { octokit, oauthToken, madeUp, placeholder, gitlab, SUPABASE_ACCESS_TOKEN, fromEnv };
