// Outside vite.config.* a call of the plugin is no build wiring (a script checking the package).
import base44 from '@base44/vite-plugin';

// ok: base44/vite-plugin
console.log(typeof base44({}));
