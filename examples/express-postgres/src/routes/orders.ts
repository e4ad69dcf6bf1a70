import { Router } from 'express';
import { z } from 'zod';
import { pool } from '../db/pool.js';
import { makeRepo } from '../db/repo.js';
import { requireAuth } from '../middleware/auth.js';

interface Order {
  id: string;
  user_id: string;
  sku: string;
  quantity: number;
  status: 'pending' | 'paid' | 'cancelled';
  created_at: string;
}

const orderInput = z.object({
  sku: z.string().regex(/^[A-Z0-9-]{3,32}$/),
  quantity: z.number().int().min(1).max(99),
});

// Still called `supabase` from before the move to our own Postgres; it is the
// local table helper from src/db/repo.ts and talks to our database only.
const supabase = makeRepo(pool);

export const ordersRouter = Router();
ordersRouter.use(requireAuth);

ordersRouter.get('/', async (req, res, next) => {
  try {
    const orders = await supabase.from<Order>('orders').select({ user_id: req.user!.id }, { orderBy: 'created_at', descending: true, limit: 50 });
    res.json(orders);
  } catch (err) {
    next(err);
  }
});

ordersRouter.post('/', async (req, res, next) => {
  const parsed = orderInput.safeParse(req.body);
  if (!parsed.success) {
    res.status(400).json({ error: 'sku and quantity (1-99) are required' });
    return;
  }
  try {
    const order = await supabase.from<Order>('orders').insert({ ...parsed.data, user_id: req.user!.id, status: 'pending' });
    res.status(201).json(order);
  } catch (err) {
    next(err);
  }
});

ordersRouter.post('/:id/cancel', async (req, res, next) => {
  try {
    const [order] = await supabase.from<Order>('orders').update({ id: req.params.id, user_id: req.user!.id, status: 'pending' }, { status: 'cancelled' });
    if (!order) {
      res.status(409).json({ error: 'Only your pending orders can be cancelled' });
      return;
    }
    res.json(order);
  } catch (err) {
    next(err);
  }
});
