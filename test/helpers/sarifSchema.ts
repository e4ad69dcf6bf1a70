// The official SARIF 2.1.0 schema (draft-04, so ajv-draft-04), compiled for the SARIF tests and the
// packed-tarball test (scripts/pack-test.mjs).

import Ajv from 'ajv-draft-04';

export function sarifValidator() {
  const schema = require('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
  // The schema's language-tag pattern is not valid as a unicode regex; formats are checked by URL parsing.
  const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
  ajv.addFormat('uri', (s: string) => URL.canParse(s));
  ajv.addFormat('uri-reference', (s: string) => URL.canParse(s, 'file:///base/'));
  ajv.addFormat('date-time', (s: string) => !Number.isNaN(Date.parse(s)));
  return ajv.compile(schema);
}
