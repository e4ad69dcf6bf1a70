import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { Router } from 'express';
import multer from 'multer';
import { config } from '../config.js';
import { createClientFromRequest } from '../lib/requestContext.js';
import { requireAuth } from '../middleware/auth.js';

interface UploadRow {
  id: string;
  user_id: string;
  original_name: string;
  stored_name: string;
  mime_type: string;
  size_bytes: number;
}

const ALLOWED_TYPES = new Set(['image/png', 'image/jpeg', 'image/webp', 'application/pdf']);
const uploadRoot = path.resolve(config.uploadDir);
mkdirSync(uploadRoot, { recursive: true });

const upload = multer({
  storage: multer.diskStorage({
    destination: uploadRoot,
    filename: (_req, file, cb) => cb(null, `${randomUUID()}${path.extname(file.originalname).toLowerCase()}`),
  }),
  limits: { fileSize: 5 * 1024 * 1024, files: 1 },
  fileFilter: (_req, file, cb) => cb(null, ALLOWED_TYPES.has(file.mimetype)),
});

export const uploadsRouter = Router();
uploadsRouter.use(requireAuth);

uploadsRouter.post('/', upload.single('file'), async (req, res, next) => {
  if (!req.file) {
    res.status(400).json({ error: 'Send one PNG, JPEG, WebP or PDF file up to 5 MB in the "file" field' });
    return;
  }
  try {
    const client = createClientFromRequest(req);
    const row = await client.repo.from<UploadRow>('uploads').insert({
      user_id: req.user!.id,
      original_name: req.file.originalname,
      stored_name: req.file.filename,
      mime_type: req.file.mimetype,
      size_bytes: req.file.size,
    });
    res.status(201).json({ id: row.id, name: row.original_name });
  } catch (err) {
    next(err);
  }
});

uploadsRouter.get('/:id', async (req, res, next) => {
  try {
    const client = createClientFromRequest(req);
    const [row] = await client.repo.from<UploadRow>('uploads').select({ id: req.params.id, user_id: req.user!.id });
    if (!row) {
      res.status(404).json({ error: 'File not found' });
      return;
    }
    res.download(path.join(uploadRoot, path.basename(row.stored_name)), row.original_name);
  } catch (err) {
    next(err);
  }
});
