// The JSON report's contract as a JSON Schema (docs/json-report.schema.json, shipped in the npm
// package for CI users), compiled once. Used by the CLI tests and the packed-tarball test.

import Ajv from 'ajv';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const REPORT_SCHEMA = join(__dirname, '..', '..', '..', 'docs', 'json-report.schema.json');

/** Schema problems of `report` as readable lines (path: message); empty when it keeps the contract. */
export function reportProblems(report: unknown, schemaFile: string = REPORT_SCHEMA): string[] {
  const validate = new Ajv({ allErrors: true, strict: true }).compile(JSON.parse(readFileSync(schemaFile, 'utf8')));
  if (validate(report)) return [];
  return (validate.errors ?? []).slice(0, 20).map((e) => `${e.instancePath || '/'}: ${e.message}`);
}
