// A secret found in a file's text, before it becomes a finding. `secret` is kept only so the
// finding can show a redacted form; it never leaves the secrets checks in clear.

import type { SecretFamily } from './detectors';

export interface RawSecret {
  family: SecretFamily;
  /** What kind of credential it is, e.g. "service_role JWT", "Stripe live secret key". */
  label: string;
  start: number;
  end: number;
  secret: string;
  /** A display form chosen by the detector when redact() would show too much (short passwords). */
  shown?: string;
}
