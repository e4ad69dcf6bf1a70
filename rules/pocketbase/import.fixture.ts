// ruleid: pocketbase/import
import PocketBase from 'pocketbase';
// ruleid: pocketbase/import
const PocketBaseCjs = require('pocketbase/cjs');
// ok: pocketbase/import
import { pb } from './lib/pocketbase';
// ok: pocketbase/import
import pocketbaseTheme from 'pocketbase-theme-fake';

// ok: pocketbase/import
export const snippet = "import PocketBase from 'pocketbase'";
export { PocketBase, PocketBaseCjs, pb, pocketbaseTheme };
