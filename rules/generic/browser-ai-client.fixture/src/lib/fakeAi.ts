// A local class that happens to be called OpenAI is not the SDK.
class OpenAI {
  constructor(readonly options: { dangerouslyAllowBrowser: boolean }) {}
}

// ok: generic/browser-ai-client
export const mock = new OpenAI({ dangerouslyAllowBrowser: true });
