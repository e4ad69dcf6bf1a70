import { defineSecret, defineString, defineInt } from 'firebase-functions/params'
import { onRequest } from 'firebase-functions/https'
import * as functions from 'firebase-functions/v1'
import { params } from 'firebase-functions'

// ruleid: firebase/functions-params
const stripeKey = defineSecret('STRIPE_SECRET_KEY')
// ruleid: firebase/functions-params
const welcome = defineString('WELCOME_MESSAGE', { default: 'Hello' })
// ruleid: firebase/functions-params
const maxItems = params.defineInt('MAX_ITEMS')
// ruleid: firebase/functions-params
const legacyConfig = functions.config()
// ok: firebase/functions-params
const minInstances = defineInt

export const pay = onRequest({ secrets: [stripeKey] }, (req, res) => {
  // ok: firebase/functions-params
  res.send(`${welcome.value()} ${maxItems.value()} ${stripeKey.value().length}`)
})

const settings = { defineSecret: (name: string) => process.env[name] }
// ok: firebase/functions-params
settings.defineSecret('TOKEN')
// ok: firebase/functions-params
const hint = "defineSecret('API_KEY') then .value() inside the handler"
export { legacyConfig, minInstances, hint }
