// ruleid: vercel/import
import { put } from '@vercel/blob';
// ruleid: vercel/import
import { upload } from '@vercel/blob/client';
// ruleid: vercel/import
import { waitUntil } from '@vercel/functions';
// ruleid: vercel/import
import { Analytics } from '@vercel/analytics/react';
// ok: vercel/import
import { streamText } from 'ai';
// ok: vercel/import
import { helper } from './vercel/helpers';

// ok: vercel/import
export const text = "import { put } from '@vercel/blob'";
export { put, upload, waitUntil, Analytics, streamText, helper };
