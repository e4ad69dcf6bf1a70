// A string that keeps no larger one alive. A substring of 13 characters or more (a name or string
// literal TypeScript read from a file, a match of a regular expression) is a slice in V8: it holds
// the whole text it was cut from for as long as it lives. Whatever outlives a scan (facts, caches
// keyed by such strings) keeps a copy instead.

/** V8 copies a shorter substring instead of slicing it (SlicedString::kMinLength). */
const MIN_SLICE = 13;

export function ownString(value: string): string {
  // JSON.parse builds a fresh string from the characters: no reference to the text remains.
  return value.length < MIN_SLICE ? value : (JSON.parse(JSON.stringify(value)) as string);
}
