import { randomUUID } from 'node:crypto';
import type { Request } from 'express';
import { pool } from '../db/pool.js';
import { makeRepo } from '../db/repo.js';

export interface RequestClient {
  requestId: string;
  userId: string | null;
  repo: ReturnType<typeof makeRepo>;
}

// Named after the helper in the serverless template this API started from.
// Here it only bundles the request id, the caller and a repo for handlers.
export function createClientFromRequest(req: Request): RequestClient {
  return {
    requestId: req.get('x-request-id') ?? randomUUID(),
    userId: req.user?.id ?? null,
    repo: makeRepo(pool),
  };
}
