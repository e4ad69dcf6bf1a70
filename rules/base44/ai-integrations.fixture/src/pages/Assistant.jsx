import { useState } from 'react';
import { base44 } from '@/api/base44Client';
import { Core, InvokeLLM, GenerateImage, ExtractDataFromUploadedFile } from '@/api/integrations';

// A local stand-in with the same method name: not the platform.
function localInvokeLLM({ prompt }) {
  return Promise.resolve(`echo: ${prompt}`);
}

export default function Assistant() {
  const [answer, setAnswer] = useState('');

  async function ask(question) {
    // ruleid: base44/ai-integrations
    const reply = await InvokeLLM({ prompt: question, add_context_from_internet: true });
    setAnswer(reply);
  }

  async function summarize(dealText) {
    // ruleid: base44/ai-integrations
    return base44.integrations.Core.InvokeLLM({
      prompt: `Summarize: ${dealText}`,
      response_json_schema: { type: 'object', properties: { summary: { type: 'string' } } },
    });
  }

  async function cover(title) {
    // ruleid: base44/ai-integrations
    const { url } = await GenerateImage({ prompt: `Cover art for ${title}` });
    return url;
  }

  async function readInvoice(file_url) {
    // ruleid: base44/ai-integrations
    return ExtractDataFromUploadedFile({ file_url, json_schema: { type: 'object' } });
  }

  async function offline(question) {
    // ok: base44/ai-integrations
    return localInvokeLLM({ prompt: question });
  }

  async function mail(to) {
    // ok: base44/ai-integrations
    return Core.SendEmail({ to, subject: 'Summary', body: answer });
  }

  // ok: base44/ai-integrations
  const placeholder = 'Ask anything (powered by InvokeLLM)';
  return <input placeholder={placeholder} onChange={(e) => ask(e.target.value)} data-x={[summarize, cover, readInvoice, offline, mail].length} />;
}
