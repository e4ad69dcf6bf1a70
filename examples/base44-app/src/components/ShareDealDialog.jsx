import { useState } from 'react';
import { base44 } from '@/api/base44Client';

export default function ShareDealDialog({ deal }) {
  const [to, setTo] = useState('');
  const [status, setStatus] = useState('idle');

  async function send(event) {
    event.preventDefault();
    setStatus('sending');
    try {
      await base44.integrations.Core.SendEmail({
        to,
        subject: `Deal update: ${deal.title}`,
        body: `${deal.company} is now in stage "${deal.stage}" (value $${deal.value}).\n\n${window.location.href}`,
      });
      setStatus('sent');
      setTo('');
    } catch {
      setStatus('failed');
    }
  }

  return (
    <form onSubmit={send} className="flex items-center gap-2 text-sm">
      <input type="email" required placeholder="colleague@company.com" value={to} onChange={(e) => setTo(e.target.value)} />
      <button type="submit" disabled={status === 'sending'}>Share</button>
      {status === 'sent' && <span className="text-green-700">Sent</span>}
      {status === 'failed' && <span className="text-red-600">Could not send</span>}
    </form>
  );
}
