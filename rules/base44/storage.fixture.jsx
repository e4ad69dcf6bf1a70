import { createClient } from '@base44/sdk';

const base44 = createClient({ appId: 'demo-app' });
const mockUploads = { integrations: { Core: { UploadFile: async () => ({ file_url: 'blob:x' }) } } };

export async function attachContract(file, dealId) {
  // ruleid: base44/storage
  const { file_uri } = await base44.integrations.Core.UploadPrivateFile({ file });
  // ruleid: base44/storage
  const { signed_url } = await base44.integrations.Core.CreateFileSignedUrl({ file_uri, expires_in: 600 });
  // ok: base44/storage
  await base44.entities.Deal.update(dealId, { contract_uri: file_uri });
  return signed_url;
}

export async function uploadAvatar(file) {
  const { Core } = base44.integrations;
  // ruleid: base44/storage
  const { file_url } = await Core.UploadFile({ file });
  // ok: base44/storage
  const preview = await mockUploads.integrations.Core.UploadFile({ file });
  // ok: base44/storage
  const summary = await Core.InvokeLLM({ prompt: 'Describe this avatar', file_urls: [file_url] });
  return { file_url, preview, summary };
}

export function AvatarHelp() {
  // ok: base44/storage
  const text = 'Core.UploadFile({ file }) returns a public file_url';
  return <p>{text}</p>;
}
