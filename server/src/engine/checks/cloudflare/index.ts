// Registers the Cloudflare checks: a Worker's entry points, and the Pages rule files it serves.

import { registerCheck } from '../registry';
import { workerHandlersCheck } from './handlers';
import { pagesFilesCheck } from './pagesFiles';

registerCheck(workerHandlersCheck);
registerCheck(pagesFilesCheck);
