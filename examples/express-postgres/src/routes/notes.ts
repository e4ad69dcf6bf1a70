import { Router } from 'express';
import { z } from 'zod';
import { pool } from '../db/pool.js';
import { requireAuth } from '../middleware/auth.js';

const noteInput = z.object({
  title: z.string().trim().min(1).max(200),
  body: z.string().max(20_000).default(''),
  pinned: z.boolean().default(false),
});

export const notesRouter = Router();
notesRouter.use(requireAuth);

// The prototype loaded these with base44.entities.Task.filter({ created_by: user.email });
// ownership is now the user_id column, checked in every query below.
notesRouter.get('/', async (req, res, next) => {
  try {
    const { rows } = await pool.query(
      'select id, title, body, pinned, created_at, updated_at from notes where user_id = $1 order by pinned desc, updated_at desc limit 200',
      [req.user!.id],
    );
    res.json(rows);
  } catch (err) {
    next(err);
  }
});

notesRouter.post('/', async (req, res, next) => {
  const parsed = noteInput.safeParse(req.body);
  if (!parsed.success) {
    res.status(400).json({ error: parsed.error.issues[0]?.message ?? 'Invalid note' });
    return;
  }
  try {
    const { title, body, pinned } = parsed.data;
    const { rows } = await pool.query(
      'insert into notes (user_id, title, body, pinned) values ($1, $2, $3, $4) returning *',
      [req.user!.id, title, body, pinned],
    );
    res.status(201).json(rows[0]);
  } catch (err) {
    next(err);
  }
});

notesRouter.patch('/:id', async (req, res, next) => {
  const parsed = noteInput.partial().safeParse(req.body);
  if (!parsed.success) {
    res.status(400).json({ error: parsed.error.issues[0]?.message ?? 'Invalid note' });
    return;
  }
  try {
    const { title, body, pinned } = parsed.data;
    const { rows } = await pool.query(
      `update notes
          set title = coalesce($3, title), body = coalesce($4, body), pinned = coalesce($5, pinned), updated_at = now()
        where id = $1 and user_id = $2
        returning *`,
      [req.params.id, req.user!.id, title ?? null, body ?? null, pinned ?? null],
    );
    if (rows.length === 0) {
      res.status(404).json({ error: 'Note not found' });
      return;
    }
    res.json(rows[0]);
  } catch (err) {
    next(err);
  }
});

notesRouter.delete('/:id', async (req, res, next) => {
  try {
    const result = await pool.query('delete from notes where id = $1 and user_id = $2', [req.params.id, req.user!.id]);
    if (result.rowCount === 0) {
      res.status(404).json({ error: 'Note not found' });
      return;
    }
    res.status(204).end();
  } catch (err) {
    next(err);
  }
});
