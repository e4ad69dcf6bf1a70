// ruleid: convex/import
import { query } from './_generated/server';
// ruleid: convex/import
import { api } from '../convex/_generated/api';
// ruleid: convex/import
import { v } from 'convex/values';
// ruleid: convex/import
import { useQuery } from 'convex/react';
// ruleid: convex/import
import { getAuthUserId } from '@convex-dev/auth/server';
// ok: convex/import
import { generated } from './generated/server';
// ok: convex/import
import { convexHull } from 'convex-hull-fake';

// ok: convex/import
export const text = "import { query } from './_generated/server'";
export { query, api, v, useQuery, getAuthUserId, generated, convexHull };
