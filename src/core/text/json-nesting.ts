/**
 * How deep a JSON text nests, read without parsing it: JSON.parse, structured clone and JSON.stringify all
 * recurse, so a text is measured before any of them sees it (RFC 8259 §9 lets a parser limit nesting).
 */

/**
 * The deepest nesting of objects and arrays in `text` (0 for a bare value), counting `{` and `[` outside
 * strings. Linear in the text and without recursion, so it measures 50,000 levels as easily as 2. For text
 * that is not JSON the count is still finite; the caller parses it afterwards to find that out.
 *
 * @example jsonNestingDepth('{"cnf":{"jwk":{}}}') // 3
 */
export function jsonNestingDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (inString) {
      if (code === 0x5c) index++; // a backslash escapes the next character (RFC 8259 §7)
      else if (code === 0x22) inString = false;
      continue;
    }
    if (code === 0x22) inString = true;
    else if (code === 0x7b || code === 0x5b) {
      depth++;
      if (depth > deepest) deepest = depth;
    } else if (code === 0x7d || code === 0x5d) depth--;
  }
  return deepest;
}
