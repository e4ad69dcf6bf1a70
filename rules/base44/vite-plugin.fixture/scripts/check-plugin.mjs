// Outside vite.config.* the plugin import is the sdk rules' business, not this rule's.
// ok: base44/vite-plugin
import base44 from '@base44/vite-plugin';

console.log(typeof base44);
