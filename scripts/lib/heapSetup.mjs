// Shared by the memory scripts (audit-memory.mjs, server-memory.mjs): the folder to measure, and the
// runtime as they need it: a collector to call (live heap is measured after a full collection) and
// V8's old generation grown by 20 %, as the CLI (and the language server it starts) sets it.
import { resolve } from 'node:path';
import { setFlagsFromString } from 'node:v8';

export function measuredFolder() {
  if (typeof globalThis.gc !== 'function') {
    console.error('run with node --expose-gc (the live heap is measured after a full collection)');
    process.exit(2);
  }
  setFlagsFromString('--heap-growing-percent=20');
  return resolve(process.argv[2] ?? '.');
}
