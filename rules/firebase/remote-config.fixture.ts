import { getRemoteConfig, fetchAndActivate, getValue } from 'firebase/remote-config'
import { getRemoteConfig as getAdminRemoteConfig } from 'firebase-admin/remote-config'

// ruleid: firebase/remote-config
const remoteConfig = getRemoteConfig()
// ok: firebase/remote-config
remoteConfig.settings.minimumFetchIntervalMillis = 3600000

export async function newCheckout() {
  // ruleid: firebase/remote-config
  await fetchAndActivate(remoteConfig)
  // ruleid: firebase/remote-config
  return getValue(remoteConfig, 'new_checkout').asBoolean()
}

export async function publishFlags() {
  // ruleid: firebase/remote-config
  const template = await getAdminRemoteConfig().getTemplate()
  // ok: firebase/remote-config
  template.parameters.new_checkout = { defaultValue: { value: 'true' } }
}

const flags = { getValue: (key: string) => key === 'beta' }
// ok: firebase/remote-config
flags.getValue('beta')
// ok: firebase/remote-config
const memo = "getValue(remoteConfig, 'flag')"
export { memo }
