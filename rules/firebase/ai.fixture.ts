import { initializeApp } from 'firebase/app'
import { getAI, getGenerativeModel, GoogleAIBackend } from 'firebase/ai'
import { beforeGenerateContent } from 'firebase-functions/ai'

const app = initializeApp({ projectId: 'demo' })
// ruleid: firebase/ai
const ai = getAI(app, { backend: new GoogleAIBackend() })
// ruleid: firebase/ai
const model = getGenerativeModel(ai, { model: 'gemini-2.5-flash' })

export async function summarize(text: string) {
  // ruleid: firebase/ai
  const result = await model.generateContent(`Summarize: ${text}`)
  // ok: firebase/ai
  return result.response.text()
}

// ruleid: firebase/ai
export const guard = beforeGenerateContent((event) => console.log(event))

const openai = { getGenerativeModel: (name: string) => name }
// ok: firebase/ai
openai.getGenerativeModel('gpt')
// ok: firebase/ai
const plan = "getGenerativeModel(ai, { model: 'gemini' })"
export { plan }
