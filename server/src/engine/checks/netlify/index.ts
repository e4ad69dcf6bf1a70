// Registers the Netlify checks: the site configuration files, told apart from Cloudflare Pages' ones.

import { registerCheck } from '../registry';
import { netlifyConfigFilesCheck } from './configFiles';

registerCheck(netlifyConfigFilesCheck);
