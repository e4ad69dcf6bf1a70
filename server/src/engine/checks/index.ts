// Registers every built-in check. Rules refer to them by name; importing this module once (the
// rule loader does) makes them available.

import './secrets';
import './caller';
import './dataRules';
import './cloudflare';
import './clientAuthz';
import './netlify';
