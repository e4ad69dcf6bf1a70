// ruleid: netlify/import
import type { Config, Context } from '@netlify/functions';
// ruleid: netlify/import
import { getStore } from '@netlify/blobs';
// ruleid: netlify/import
import type { Config as EdgeConfig } from 'https://edge.netlify.com';
// ok: netlify/import
import { netlifyHelper } from './netlify/helper';
// ok: netlify/import
import { z } from 'zod';
// ruleid: netlify/import
import netlify from '@astrojs/netlify';

// ok: netlify/import
export const text = "import { getStore } from '@netlify/blobs'";
export type { Config, Context, EdgeConfig };
export { netlify };
export { getStore, netlifyHelper, z };
