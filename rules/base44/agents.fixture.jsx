import { useEffect, useState } from 'react';
import { createClient } from '@base44/sdk';

const base44 = createClient({ appId: 'demo-app' });
const agents = { createConversation: async () => ({ id: 'local', messages: [] }) };

export function SupportChat() {
  const [conversation, setConversation] = useState(null);

  useEffect(() => {
    // ruleid: base44/agents
    base44.agents.createConversation({ agent_name: 'support_bot', metadata: { page: 'help' } }).then(setConversation);
  }, []);

  useEffect(() => {
    if (!conversation) return undefined;
    // ruleid: base44/agents
    return base44.agents.subscribeToConversation(conversation.id, setConversation);
  }, [conversation?.id]);

  async function send(text) {
    // ruleid: base44/agents
    await base44.agents.addMessage(conversation, { role: 'user', content: text });
  }

  async function offline() {
    // ok: base44/agents
    return agents.createConversation();
  }

  // ruleid: base44/agents
  const whatsapp = base44.agents.getWhatsAppConnectURL('support_bot');
  // ok: base44/agents
  const hint = 'base44.agents.addMessage(conversation, message)';
  return <a href={whatsapp} title={hint} onClick={() => send('hi').then(offline)}>Chat on WhatsApp</a>;
}
