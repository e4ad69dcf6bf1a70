// Which of a set of literal words a text holds, in one pass over it. The prefilter asks this of
// every file (platform names that call for a parse, the hints of secret formats), and most files
// hold none of them. V8's regex engine tries each alternative of a large alternation at nearly every
// position; here each word is anchored on its rarest pair of characters, the pass costs one table
// lookup per character, and only positions holding an anchor are compared with the words. Measured
// over 24 MB of JavaScript: one pass for the parse triggers and the secret hints together took about
// as long as the parse triggers' regex alone.

export interface Literal {
  text: string;
  /** The word starts an identifier: no word character right before it (as `\b` in a regex). */
  start?: boolean;
  /** The word ends an identifier: no word character right after it. */
  end?: boolean;
  /** Upper and lower case letters of ASCII words match each other (as with a regex's `i` flag). */
  caseInsensitive?: boolean;
}

interface Anchored {
  literal: Literal;
  /** Where the anchor pair sits in the word. */
  offset: number;
  /** The word in lower case, for a case-insensitive one. */
  lower?: string;
}

/**
 * Printable characters from most to least common in JavaScript source (counted over TypeScript's
 * own 9 MB library); anything else counts as rare. Only used to pick anchors, so a rough order is
 * enough: a poor anchor costs extra comparisons, never a wrong answer.
 */
const BY_FREQUENCY = ' etnoraiscldp_umg,f()y=/*h";.xb2ST10Evk{}:CNDFPwA3IO6M45&|L8[]R7\'9J>BK!j?UVqWz+H-G`Q<\\@$XY~^Z#%';

function commonness(code: number): number {
  const rank = BY_FREQUENCY.indexOf(String.fromCharCode(code));
  return rank < 0 ? 0 : Math.pow(0.93, rank);
}

/** Characters are folded to their low byte: a collision only adds a comparison. */
const pairOf = (first: number, second: number) => ((first & 0xff) << 8) | (second & 0xff);

export class LiteralScan {
  private readonly anchors = new Uint8Array(65536);
  private readonly byPair = new Map<number, Anchored[]>();

  /** Words need two characters at least (an anchor is a pair). */
  constructor(literals: Iterable<Literal>) {
    for (const literal of literals) {
      if (literal.text.length < 2) throw new Error(`a literal needs two characters at least: '${literal.text}'`);
      const lower = literal.caseInsensitive ? literal.text.toLowerCase() : undefined;
      const word = lower ?? literal.text;
      const offset = rarestPair(word);
      for (const [first, second] of casings(word.slice(offset, offset + 2), literal.caseInsensitive)) {
        const pair = pairOf(first.charCodeAt(0), second.charCodeAt(0));
        this.anchors[pair] = 1;
        const list = this.byPair.get(pair) ?? [];
        list.push({ literal, offset, lower });
        this.byPair.set(pair, list);
      }
    }
  }

  /** The literals that occur in the text (with their bounds respected). */
  find(text: string): ReadonlySet<Literal> {
    let found: Set<Literal> | undefined;
    let previous = text.charCodeAt(0);
    for (let i = 1; i < text.length; i++) {
      const code = text.charCodeAt(i);
      const pair = ((previous & 0xff) << 8) | (code & 0xff);
      previous = code;
      if (this.anchors[pair] === 0) continue;
      for (const { literal, offset, lower } of this.byPair.get(pair)!) {
        const at = i - 1 - offset;
        if (at < 0 || found?.has(literal)) continue;
        const here = lower ? holdsFolded(text, at, lower) : text.startsWith(literal.text, at);
        if (here && boundsHold(text, literal, at)) (found ??= new Set()).add(literal);
      }
    }
    return found ?? NONE; // most texts hold none: one shared empty set
  }
}

const NONE: ReadonlySet<Literal> = new Set();

/**
 * Does the text hold this lower-case word at `at`, its ASCII capitals read as small letters (a
 * regex's `i` flag)? Compared in place: a slice and its lower-case copy per candidate were a
 * quarter of the pass's candidates on the corpus, and garbage for the collector.
 */
function holdsFolded(text: string, at: number, lower: string): boolean {
  if (at + lower.length > text.length) return false;
  for (let k = 0; k < lower.length; k++) {
    const code = text.charCodeAt(at + k);
    if ((code >= 65 && code <= 90 ? code + 32 : code) !== lower.charCodeAt(k)) return false;
  }
  return true;
}

/** The anchor pair as written, or in every mix of cases for a case-insensitive word. */
function casings(pair: string, caseInsensitive = false): [string, string][] {
  const forms = (c: string) => (caseInsensitive ? [...new Set([c, c.toUpperCase()])] : [c]);
  return forms(pair[0]).flatMap((first) => forms(pair[1]).map((second): [string, string] => [first, second]));
}

function rarestPair(word: string): number {
  let best = 0;
  let bestScore = Infinity;
  for (let k = 0; k + 1 < word.length; k++) {
    const score = commonness(word.charCodeAt(k)) * commonness(word.charCodeAt(k + 1));
    if (score < bestScore) [best, bestScore] = [k, score];
  }
  return best;
}

const isWordChar = (code: number) => (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;

/** A bound matters only beside a word character (as `\b`: before `$el` there is no word to end). */
function boundsHold(text: string, literal: Literal, at: number): boolean {
  const { text: word } = literal;
  if (literal.start && isWordChar(word.charCodeAt(0)) && at > 0 && isWordChar(text.charCodeAt(at - 1))) return false;
  const after = at + word.length;
  if (literal.end && isWordChar(word.charCodeAt(word.length - 1)) && after < text.length && isWordChar(text.charCodeAt(after))) return false;
  return true;
}
