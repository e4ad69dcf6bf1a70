import { createClient } from '@base44/sdk';

const base44 = createClient({ appId: 'demo-app' });
const functions = { invoke: async (name) => ({ data: name }) };

export async function summarizeDeal(dealId) {
  // ruleid: base44/functions-invoke
  const response = await base44.functions.invoke('summarizeDeal', { dealId });
  return response.data;
}

export async function exportDeals() {
  // ruleid: base44/functions-invoke
  const res = await base44.functions.fetch('/exportDeals', { method: 'POST' });
  return res.body;
}

export async function report() {
  // ruleid: base44/functions-invoke
  const res = await base44.fetchWithAuth('/api/report');
  // ok: base44/functions-invoke
  const plain = await fetch('/api/report');
  return [res.status, plain.status];
}

export async function local() {
  // ok: base44/functions-invoke
  return functions.invoke('summarizeDeal');
}

export function Hint() {
  // ok: base44/functions-invoke
  const text = "base44.functions.invoke('summarizeDeal', { dealId })";
  return <code>{text}</code>;
}
