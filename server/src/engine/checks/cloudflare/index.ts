// Registers the Cloudflare checks: a Worker's entry points.

import { registerCheck } from '../registry';
import { workerHandlersCheck } from './handlers';

registerCheck(workerHandlersCheck);
