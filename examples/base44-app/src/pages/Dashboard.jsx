import { useEffect, useMemo, useState } from 'react';
import { Sparkles } from 'lucide-react';
import { base44 } from '@/api/base44Client';
import { archiveStaleDeals } from '@/api/functions';
import AssistantPanel from '@/components/AssistantPanel';

const OPEN_STAGES = ['lead', 'qualified', 'proposal'];

function pipelineTotals(deals) {
  return OPEN_STAGES.map((stage) => ({
    stage,
    count: deals.filter((d) => d.stage === stage).length,
    value: deals.filter((d) => d.stage === stage).reduce((sum, d) => sum + (d.value ?? 0), 0),
  }));
}

export default function Dashboard() {
  const [me, setMe] = useState(null);
  const [deals, setDeals] = useState([]);
  const [forecast, setForecast] = useState('');
  const [error, setError] = useState(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    base44.auth.me().then(setMe).catch(() => setMe(null));
    base44.entities.Deal.list('-updated_date', 200)
      .then(setDeals)
      .catch((err) => setError(err.message));

    // Keep the pipeline live while colleagues edit deals.
    const unsubscribe = base44.entities.Deal.subscribe((event) => {
      setDeals((current) => {
        if (event.type === 'delete') return current.filter((d) => d.id !== event.id);
        const rest = current.filter((d) => d.id !== event.id);
        return [event.data, ...rest];
      });
    });
    return unsubscribe;
  }, []);

  const totals = useMemo(() => pipelineTotals(deals), [deals]);

  async function generateForecast() {
    setBusy(true);
    setError(null);
    try {
      const result = await base44.integrations.Core.InvokeLLM({
        prompt: `You are a sales analyst. Given this open pipeline, write a three-sentence forecast for the quarter:\n${JSON.stringify(totals)}`,
        response_json_schema: {
          type: 'object',
          properties: { forecast: { type: 'string' } },
          required: ['forecast'],
        },
      });
      setForecast(result.forecast);
    } catch (err) {
      setError(err.message);
    } finally {
      setBusy(false);
    }
  }

  async function runCleanup() {
    if (!window.confirm('Archive every deal untouched for 90 days?')) return;
    const { data } = await archiveStaleDeals(90);
    window.alert(`Archived ${data.archived} deals, removed ${data.removed} drafts.`);
  }

  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">Pipeline</h1>
      {error && <p className="text-sm text-red-600">{error}</p>}
      <div className="grid grid-cols-3 gap-4">
        {totals.map((t) => (
          <div key={t.stage} className="rounded border bg-white p-4">
            <div className="text-xs uppercase text-gray-500">{t.stage}</div>
            <div className="text-xl font-semibold">{t.count}</div>
            <div className="text-sm">${t.value.toLocaleString()}</div>
          </div>
        ))}
      </div>
      <button type="button" onClick={generateForecast} disabled={busy} className="flex items-center gap-2">
        <Sparkles className="h-4 w-4" /> {busy ? 'Thinking…' : 'Forecast this quarter'}
      </button>
      {forecast && <p className="rounded bg-white p-4 text-sm">{forecast}</p>}
      {me?.role === 'admin' && (
        <button type="button" onClick={runCleanup} className="text-sm text-gray-600 underline">
          Archive stale deals
        </button>
      )}
      <AssistantPanel />
    </div>
  );
}
