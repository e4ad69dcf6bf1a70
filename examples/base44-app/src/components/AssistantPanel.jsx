import { useEffect, useState } from 'react';
import { base44 } from '@/api/base44Client';

// Chat with the "deal_coach" agent configured in the Base44 dashboard.
export default function AssistantPanel() {
  const [conversation, setConversation] = useState(null);
  const [draft, setDraft] = useState('');

  useEffect(() => {
    if (!conversation) return undefined;
    return base44.agents.subscribeToConversation(conversation.id, setConversation);
  }, [conversation?.id]);

  async function send(event) {
    event.preventDefault();
    const text = draft.trim();
    if (!text) return;
    let current = conversation;
    if (!current) {
      current = await base44.agents.createConversation({
        agent_name: 'deal_coach',
        metadata: { source: 'dashboard' },
      });
      setConversation(current);
    }
    setDraft('');
    await base44.agents.addMessage(current, { role: 'user', content: text });
  }

  return (
    <section className="rounded border bg-white p-4">
      <h2 className="mb-2 font-medium">Deal coach</h2>
      <div className="max-h-64 space-y-2 overflow-y-auto text-sm">
        {(conversation?.messages ?? []).map((m) => (
          <p key={m.id} className={m.role === 'user' ? 'text-right' : ''}>
            {typeof m.content === 'string' ? m.content : ''}
          </p>
        ))}
      </div>
      <form onSubmit={send} className="mt-2 flex gap-2">
        <input className="flex-1" value={draft} onChange={(e) => setDraft(e.target.value)} placeholder="Ask about your pipeline…" />
        <button type="submit">Send</button>
      </form>
    </section>
  );
}
