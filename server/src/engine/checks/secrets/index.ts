// Registers the secrets checks: hard-coded credentials (`secret-literal`), secret-looking env names
// under client-exposed prefixes (`client-exposed-secret-env`), and AI SDK clients switched into
// browser mode (`browser-ai-client`).

import { registerCheck } from '../registry';
import { browserAiClient } from './browserAi';
import { clientExposedSecretEnv } from './envNames';
import { secretLiteral } from './literals';

registerCheck(secretLiteral);
registerCheck(clientExposedSecretEnv);
registerCheck(browserAiClient);
