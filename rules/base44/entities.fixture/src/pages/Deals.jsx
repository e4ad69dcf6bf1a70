import { useEffect, useState } from 'react';
import { base44 } from '@/api/base44Client';
import { Deal, Contact } from '@/api/entities';
import { makeFakeClient } from '@/lib/fakes';

const fake = makeFakeClient();

export default function Deals() {
  const [deals, setDeals] = useState([]);

  useEffect(() => {
    // ruleid: base44/entities
    Deal.list('-created_date', 50).then(setDeals);
    // ok: base44/entities
    const unsubscribe = base44.entities.Deal.subscribe(() => setDeals((d) => [...d]));
    return unsubscribe;
  }, []);

  async function addDeal(form) {
    // ruleid: base44/entities
    const created = await base44.entities.Deal.create({ title: form.title, amount: Number(form.amount) });
    // ruleid: base44/entities
    await Contact.update(form.contactId, { last_deal_id: created.id });
    // ruleid: base44/entities
    const open = await base44.entities['Deal'].filter({ stage: { $ne: 'closed' } }, '-amount', 20);
    return { created, open };
  }

  async function stageTotals() {
    const { Deal: DealHandle } = base44.entities;
    // ruleid: base44/entities
    return DealHandle.aggregate({ groupBy: 'stage', sum: 'amount' });
  }

  async function archive() {
    // ruleid: base44/entities
    const { updated } = await base44.entities.Deal.updateMany({ stage: 'lost' }, { $set: { archived: true } });
    return updated;
  }

  function preview() {
    // ok: base44/entities
    return fake.entities.Deal.list();
  }

  function shadowed() {
    const base44 = makeFakeClient();
    // ok: base44/entities
    return base44.entities.Deal.create({ title: 'demo' });
  }

  // ok: base44/entities
  const hint = 'load rows with base44.entities.Deal.list() or Deal.filter()';
  // Deal.list() in a comment is not a call.
  return <ul title={hint}>{deals.map((d) => <li key={d.id} onClick={() => addDeal(d)}>{d.title}</li>)}</ul>;
}

export { stageTotals, archive, preview, shadowed };
