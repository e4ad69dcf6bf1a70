// A set of literal words as one regular expression shaped like a trie (`s(?:b_secret_|k-…)`):
// V8's regex engine tries the alternatives of a flat `a|b|c` one by one at every position, while a
// trie shares their common starts. Measured over 24 MB of JavaScript: about a third faster.

export interface TrieOptions {
  /**
   * When a word starts another (`sk-` and `sk-ant-`), stop at the shorter one: a match then names
   * the shortest word it begins with (for gates that only ask which words occur). By default the
   * longer words stay possible, as in the flat alternation.
   */
  shortest?: boolean;
}

interface Node {
  end?: boolean;
  next: Map<string, Node>;
}

export function trieSource(words: string[], options: TrieOptions = {}): string {
  const root: Node = { next: new Map() };
  for (const word of words) {
    let node = root;
    for (const c of word) {
      let child = node.next.get(c);
      if (!child) node.next.set(c, (child = { next: new Map() }));
      node = child;
    }
    node.end = true;
  }
  const emit = (node: Node): string => {
    if (node.end && options.shortest) return '';
    const alternatives = [...node.next].map(([c, child]) => escapeRegExp(c) + emit(child));
    if (alternatives.length === 0) return '';
    const body = alternatives.length === 1 ? alternatives[0] : `(?:${alternatives.join('|')})`;
    return node.end ? `(?:${body})?` : body;
  };
  return emit(root);
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
