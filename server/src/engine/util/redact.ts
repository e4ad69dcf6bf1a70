// Secrets never leave the engine in clear: every place that shows matched text uses redact().

/** `sk-proj-abc…9f2a`-style: at most the first and last four characters, never more than a third. */
export function redact(secret: string): string {
  const visible = Math.min(4, Math.floor(secret.length / 3));
  if (visible < 1) return '…';
  return `${secret.slice(0, visible)}…${secret.slice(-visible)}`;
}
