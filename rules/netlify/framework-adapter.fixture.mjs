import { defineConfig } from 'astro/config';
import netlify from '@astrojs/netlify';
import node from '@astrojs/node';

export default defineConfig({
  output: 'server',
  // ruleid: netlify/framework-adapter
  adapter: netlify({ edgeMiddleware: true }),
});

// Another host's adapter.
// ok: netlify/framework-adapter
export const alternative = node({ mode: 'standalone' });
