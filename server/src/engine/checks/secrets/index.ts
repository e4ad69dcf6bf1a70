// Registers the secrets checks: hard-coded credentials (`secret-literal`), secret-looking env names
// under client-exposed prefixes (`client-exposed-secret-env`), and AI SDK clients switched into
// browser mode (`browser-ai-client`), secret env values handed back to callers (`secret-env-returned`),
// and env files committed although a .gitignore lists them (`committed-ignored-env`).

import { registerCheck } from '../registry';
import { browserAiClient } from './browserAi';
import { committedEnvFile } from './committedEnv';
import { clientExposedSecretEnv } from './envNames';
import { envLeak } from './envLeak';
import { secretLiteral } from './literals';

registerCheck(secretLiteral);
registerCheck(clientExposedSecretEnv);
registerCheck(browserAiClient);
registerCheck(envLeak);
registerCheck(committedEnvFile);
