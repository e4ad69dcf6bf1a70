import OpenAI from 'openai';
import Anthropic from '@anthropic-ai/sdk';

// ruleid: generic/browser-ai-client
export const openai = new OpenAI({ apiKey: import.meta.env.VITE_OPENAI_API_KEY, dangerouslyAllowBrowser: true });

export function makeClaude(apiKey: string) {
  // ruleid: generic/browser-ai-client
  return new Anthropic({ apiKey, dangerouslyAllowBrowser: true });
}

// Without the flag the SDK refuses to run in a browser, which is the point.
// ok: generic/browser-ai-client
export const serverSide = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });
// ok: generic/browser-ai-client
export const explicitOff = new OpenAI({ apiKey: process.env.OPENAI_API_KEY, dangerouslyAllowBrowser: false });
// Pointing at your own proxy without the flag is the fix.
// ok: generic/browser-ai-client
export const viaProxy = new OpenAI({ baseURL: '/api/ai', apiKey: 'unused' });
