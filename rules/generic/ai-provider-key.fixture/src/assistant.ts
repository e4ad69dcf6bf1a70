import OpenAI from 'openai';
import Anthropic from '@anthropic-ai/sdk';
import { GoogleGenerativeAI } from '@google/generative-ai';
import { initializeApp } from 'firebase/app';

// ruleid: generic/ai-provider-key
const openai = new OpenAI({ apiKey: 'sk-proj-GHgMfFJ09uErpxXxX1CA0eubX3qY6vR0MTsvG7z66bO37nG7c37dafGvhg4py7OqZXf4HQzo8mT3BlbkFJDOW0MNBcUhUjpoCkSdt5T4ey2hCm3Ca0M9iA8Z0WCNts3y1Nk9BK0x74W6mYYKV11ZF38mKAng' });
// ruleid: generic/ai-provider-key
const legacyKey = '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';
// ruleid: generic/ai-provider-key
const claude = new Anthropic({ apiKey: 'sk-ant-api03-Vd5YSB3canTrSWiLtxqLNusJd76Mrq0jeUjZC-y7VSqTy1lyQ5na7CsS3vYjO3TvkakAVqqeZ8VfFJYNZunT3ugdhSVDOAA' });
// ruleid: generic/ai-provider-key
const GROQ_KEY = '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';
// An AIza key handed to the Gemini SDK is a billable secret.
// ruleid: generic/ai-provider-key
const gemini = new GoogleGenerativeAI('AIzabLcmD07ulz1IKcpxmKl1rklGq9f9XIioqv1');

// The same AIza shape in a Firebase web config is public by design.
const firebaseConfig = {
  // ok: generic/ai-provider-key
  apiKey: 'AIzao2Bw9nKcdq6fASE5zVH-LyiJSel3ZCoJt1l',
  authDomain: 'taskboard-demo-4f2a1.firebaseapp.com',
  projectId: 'taskboard-demo-4f2a1',
};
export const app = initializeApp(firebaseConfig);

// Placeholders and env reads are fine.
// ok: generic/ai-provider-key
const placeholder = 'sk-proj-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx';
// ok: generic/ai-provider-key
const docs = 'sk-ant-api03-...';
// ok: generic/ai-provider-key
const server = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });
// ok: generic/ai-provider-key
const cssClass = 'task-list-item-checkbox-disabled-and-hidden-from-view-1234';

export { openai, legacyKey, claude, GROQ_KEY, gemini, placeholder, docs, server, cssClass };
