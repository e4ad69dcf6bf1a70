import bcrypt from 'bcrypt';
import { Router } from 'express';
import { z } from 'zod';
import { pool } from '../db/pool.js';
import { requireAuth, signToken } from '../middleware/auth.js';

const BCRYPT_ROUNDS = 12;

const credentials = z.object({
  email: z.string().email().max(254),
  password: z.string().min(10).max(128),
});

export const authRouter = Router();

authRouter.post('/register', async (req, res, next) => {
  const parsed = credentials.safeParse(req.body);
  if (!parsed.success) {
    res.status(400).json({ error: 'A valid email and a password of at least 10 characters are required' });
    return;
  }
  try {
    const hash = await bcrypt.hash(parsed.data.password, BCRYPT_ROUNDS);
    const { rows } = await pool.query<{ id: string; email: string }>(
      'insert into users (email, password_hash) values ($1, $2) on conflict (email) do nothing returning id, email',
      [parsed.data.email, hash],
    );
    if (rows.length === 0) {
      res.status(409).json({ error: 'An account with this email already exists' });
      return;
    }
    res.status(201).json({ token: signToken(rows[0]) });
  } catch (err) {
    next(err);
  }
});

authRouter.post('/login', async (req, res, next) => {
  const parsed = credentials.safeParse(req.body);
  if (!parsed.success) {
    res.status(400).json({ error: 'Email and password are required' });
    return;
  }
  try {
    const { rows } = await pool.query<{ id: string; email: string; password_hash: string }>(
      'select id, email, password_hash from users where email = $1',
      [parsed.data.email],
    );
    const user = rows[0];
    const ok = user ? await bcrypt.compare(parsed.data.password, user.password_hash) : false;
    if (!user || !ok) {
      res.status(401).json({ error: 'Wrong email or password' });
      return;
    }
    res.json({ token: signToken({ id: user.id, email: user.email }) });
  } catch (err) {
    next(err);
  }
});

authRouter.get('/me', requireAuth, (req, res) => {
  res.json(req.user);
});
