// What GitHub code scanning asks of an uploaded SARIF file beyond the 2.1.0 schema, as its
// documentation states it ("SARIF support for code scanning" and its upload limits): one run per
// tool and category (at most 20 runs), rules with help text, results with a location whose URI is
// relative to a declared base (GitHub maps it onto the repository's files), partial fingerprints
// (the alert's identity across uploads), security severities GitHub can rank, and the size limits.
// Used by the SARIF tests and by the packed-tarball test (scripts/pack-test.mjs).

import { gzipSync } from 'node:zlib';

const MAX_RUNS = 20;
const MAX_RESULTS_PER_RUN = 25_000;
const MAX_RULES_PER_RUN = 25_000;
const MAX_LOCATIONS_PER_RESULT = 1_000;
/** GitHub keeps 20 tags per rule and shows 10: more would be dropped silently. */
const MAX_SHOWN_TAGS = 10;
/** The upload API takes at most 10 MB of gzipped SARIF. */
const MAX_GZIPPED_BYTES = 10 * 1024 * 1024;
const LEVELS = new Set(['error', 'warning', 'note', 'none']);

/** SARIF read field by field: any shape may come in, and each field is checked before it is trusted. */
type Json = any;

/** Every way `doc` breaks GitHub's constraints, as readable sentences; empty when it uploads. */
export function githubUploadProblems(doc: Json): string[] {
  const problems: string[] = [];
  const fail = (message: string) => problems.length < 50 && problems.push(message);
  if (doc?.version !== '2.1.0') fail(`version is ${JSON.stringify(doc?.version)}, not 2.1.0`);
  const runs: Json[] = Array.isArray(doc?.runs) ? doc.runs : [];
  if (runs.length === 0 || runs.length > MAX_RUNS) fail(`${runs.length} runs (1 to ${MAX_RUNS} accepted)`);
  const seen = new Set<string>();
  runs.forEach((run, i) => {
    const key = `${run?.tool?.driver?.name}\u0000${run?.automationDetails?.id ?? ''}`;
    if (seen.has(key)) fail(`run ${i}: a second run of tool '${run?.tool?.driver?.name}' in the same category`);
    seen.add(key);
    checkRun(run, `run ${i}`, fail);
  });
  const bytes = gzipSync(JSON.stringify(doc)).length;
  if (bytes > MAX_GZIPPED_BYTES) fail(`${bytes} bytes gzipped (at most ${MAX_GZIPPED_BYTES})`);
  return problems;
}

function checkRun(run: Json, where: string, fail: (m: string) => void): void {
  const driver = run?.tool?.driver;
  if (!nonEmpty(driver?.name)) fail(`${where}: tool.driver.name is missing`);
  const rules: Json[] = driver?.rules ?? [];
  const results: Json[] = run?.results ?? [];
  if (rules.length > MAX_RULES_PER_RUN) fail(`${where}: ${rules.length} rules`);
  if (results.length > MAX_RESULTS_PER_RUN) fail(`${where}: ${results.length} results`);
  rules.forEach((rule, i) => checkRule(rule, `${where} rule ${rule?.id ?? i}`, fail));
  const ruleIds = new Set(rules.map((r) => r?.id));
  const bases = run?.originalUriBaseIds ?? {};
  for (const [name, base] of Object.entries<Json>(bases)) {
    if (!/^file:\/\/.*\/$/.test(base?.uri ?? '')) fail(`${where}: base ${name} is not an absolute file URI ending in '/'`);
  }
  results.forEach((result, i) => checkResult(result, `${where} result ${i}`, rules, ruleIds, bases, fail));
}

function checkRule(rule: Json, where: string, fail: (m: string) => void): void {
  if (!nonEmpty(rule?.id)) fail(`${where}: no id`);
  if (!nonEmpty(rule?.shortDescription?.text)) fail(`${where}: no shortDescription.text`);
  if (!nonEmpty(rule?.help?.text)) fail(`${where}: no help.text`);
  const tags = rule?.properties?.tags ?? [];
  if (tags.length > MAX_SHOWN_TAGS) fail(`${where}: ${tags.length} tags (GitHub shows ${MAX_SHOWN_TAGS})`);
  const severity = rule?.properties?.['security-severity'];
  if (tags.includes('security')) {
    const score = Number(severity);
    if (typeof severity !== 'string' || !(score >= 0 && score <= 10)) fail(`${where}: security rule without a security-severity from 0 to 10`);
  }
}

function checkResult(result: Json, where: string, rules: Json[], ruleIds: Set<string>, bases: Json, fail: (m: string) => void): void {
  if (!ruleIds.has(result?.ruleId)) fail(`${where}: ruleId '${result?.ruleId}' is not among the run's rules`);
  if (result?.ruleIndex !== undefined && rules[result.ruleIndex]?.id !== result.ruleId) fail(`${where}: ruleIndex does not point at its rule`);
  if (!nonEmpty(result?.message?.text)) fail(`${where}: no message.text`);
  if (result?.level !== undefined && !LEVELS.has(result.level)) fail(`${where}: level '${result.level}'`);
  const fingerprints = Object.values(result?.partialFingerprints ?? {});
  if (fingerprints.length === 0 || !fingerprints.every(nonEmpty)) fail(`${where}: no partialFingerprints`);
  const locations: Json[] = result?.locations ?? [];
  if (locations.length === 0 || locations.length > MAX_LOCATIONS_PER_RESULT) fail(`${where}: ${locations.length} locations`);
  for (const location of locations) {
    const artifact = location?.physicalLocation?.artifactLocation;
    const uri: string = artifact?.uri ?? '';
    if (!nonEmpty(uri) || /^[a-z][\w+.-]*:/i.test(uri) || uri.startsWith('/') || /(^|\/)\.\.(\/|$)/.test(uri)) fail(`${where}: URI '${uri}' is not relative inside the root`);
    if (!nonEmpty(artifact?.uriBaseId) || !(artifact.uriBaseId in bases)) fail(`${where}: URI base '${artifact?.uriBaseId}' is not declared in originalUriBaseIds`);
    const region = location?.physicalLocation?.region;
    if (!(Number.isInteger(region?.startLine) && region.startLine >= 1)) fail(`${where}: no startLine of 1 or more`);
  }
}

function nonEmpty(value: unknown): boolean {
  return typeof value === 'string' && value.trim().length > 0;
}
