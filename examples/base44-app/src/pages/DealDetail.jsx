import { useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { Paperclip, Trash2 } from 'lucide-react';
import { base44 } from '@/api/base44Client';
import ShareDealDialog from '@/components/ShareDealDialog';

const STAGES = ['lead', 'qualified', 'proposal', 'won', 'lost'];

export default function DealDetail() {
  const { dealId } = useParams();
  const navigate = useNavigate();
  const [deal, setDeal] = useState(null);
  const [activities, setActivities] = useState([]);
  const [summary, setSummary] = useState('');
  const [error, setError] = useState(null);

  useEffect(() => {
    async function load() {
      try {
        const [found] = await base44.entities.Deal.filter({ id: dealId });
        if (!found) {
          setError('This deal no longer exists.');
          return;
        }
        setDeal(found);
        setActivities(await base44.entities.Activity.filter({ deal_id: dealId }, '-created_date', 50));
      } catch (err) {
        setError(err.message);
      }
    }
    load();
  }, [dealId]);

  async function changeStage(stage) {
    const updated = await base44.entities.Deal.update(deal.id, { stage });
    setDeal(updated);
    await base44.entities.Activity.create({ deal_id: deal.id, kind: 'stage_change', note: `Moved to ${stage}` });
  }

  async function attachFile(event) {
    const file = event.target.files?.[0];
    if (!file) return;
    try {
      const { file_url } = await base44.integrations.Core.UploadFile({ file });
      const attachments = [...(deal.attachment_urls ?? []), file_url];
      setDeal(await base44.entities.Deal.update(deal.id, { attachment_urls: attachments }));
    } catch (err) {
      setError(`Upload failed: ${err.message}`);
    }
  }

  async function loadSummary() {
    const response = await base44.functions.invoke('summarizeDeal', { dealId: deal.id });
    setSummary(response.data.summary);
  }

  async function removeDeal() {
    if (!window.confirm(`Delete "${deal.title}"? This cannot be undone.`)) return;
    await base44.entities.Deal.delete(deal.id);
    navigate('/deals');
  }

  if (error) return <p className="text-sm text-red-600">{error}</p>;
  if (!deal) return <p className="text-sm text-gray-500">Loading…</p>;

  return (
    <div className="space-y-4">
      <div className="flex items-center justify-between">
        <h1 className="text-2xl font-semibold">{deal.title}</h1>
        <button type="button" onClick={removeDeal} title="Delete deal">
          <Trash2 className="h-4 w-4" />
        </button>
      </div>
      <select value={deal.stage} onChange={(e) => changeStage(e.target.value)}>
        {STAGES.map((s) => (
          <option key={s} value={s}>{s}</option>
        ))}
      </select>
      <label className="flex items-center gap-2 text-sm">
        <Paperclip className="h-4 w-4" /> Attach a file
        <input type="file" className="hidden" onChange={attachFile} />
      </label>
      <button type="button" onClick={loadSummary}>Summarize activity</button>
      {summary && <p className="rounded bg-white p-4 text-sm">{summary}</p>}
      <ShareDealDialog deal={deal} />
      <ul className="space-y-1 text-sm">
        {activities.map((a) => (
          <li key={a.id}>{a.note}</li>
        ))}
      </ul>
    </div>
  );
}
