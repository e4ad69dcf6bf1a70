import { createClientFromRequest } from 'npm:@base44/sdk';
import OpenAI from 'npm:openai';

Deno.serve(async (req) => {
  const base44 = createClientFromRequest(req);
  // ruleid: base44/ai-gateway
  const { baseURL, token } = base44.aiGateway.connection({ provider: 'openai' });
  const openai = new OpenAI({ baseURL, apiKey: token });
  // ok: base44/ai-gateway
  const completion = await openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }] });

  const gateway = { connection: () => ({ baseURL: 'http://localhost:8080/v1', token: 'dev' }) };
  // ok: base44/ai-gateway
  const local = gateway.connection();
  return Response.json({ text: completion.choices[0]?.message?.content, local: local.baseURL });
});
