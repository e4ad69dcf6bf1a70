import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { formatDistanceToNow } from 'date-fns';
import { Deal, User } from '@/api/entities';

const EMPTY_FORM = { title: '', company: '', value: '', stage: 'lead' };

export default function Deals() {
  const [deals, setDeals] = useState([]);
  const [form, setForm] = useState(EMPTY_FORM);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState(null);

  async function load() {
    setLoading(true);
    try {
      setDeals(await Deal.list('-created_date', 100));
      setError(null);
    } catch (err) {
      setError(err.message);
    } finally {
      setLoading(false);
    }
  }

  useEffect(() => {
    load();
  }, []);

  async function handleSubmit(event) {
    event.preventDefault();
    if (!form.title.trim()) return;
    const me = await User.me();
    await Deal.create({
      ...form,
      value: Number(form.value) || 0,
      owner_email: me.email,
    });
    setForm(EMPTY_FORM);
    await load();
  }

  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">Deals</h1>
      <form onSubmit={handleSubmit} className="flex gap-2">
        <input placeholder="Title" value={form.title} onChange={(e) => setForm({ ...form, title: e.target.value })} />
        <input placeholder="Company" value={form.company} onChange={(e) => setForm({ ...form, company: e.target.value })} />
        <input placeholder="Value" inputMode="numeric" value={form.value} onChange={(e) => setForm({ ...form, value: e.target.value })} />
        <button type="submit">Add deal</button>
      </form>
      {error && <p className="text-sm text-red-600">{error}</p>}
      {loading ? (
        <p className="text-sm text-gray-500">Loading deals…</p>
      ) : deals.length === 0 ? (
        <p className="text-sm text-gray-500">No deals yet. Add your first one above.</p>
      ) : (
        <ul className="divide-y rounded border bg-white">
          {deals.map((deal) => (
            <li key={deal.id} className="flex justify-between p-3">
              <Link to={`/deals/${deal.id}`}>{deal.title} · {deal.company}</Link>
              <span className="text-xs text-gray-500">
                {deal.stage} · {formatDistanceToNow(new Date(deal.created_date), { addSuffix: true })}
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
