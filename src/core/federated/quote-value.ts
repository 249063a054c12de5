/**
 * Quotes a value from a token or a credential for a sentence on the page. The values are untrusted and
 * unbounded (a pasted token may hold a 1 MiB subject or a 100,000-entry aud), and a sentence that
 * echoes them whole costs the browser seconds of layout: a long string is cut to a prefix with its
 * length said, a long list is described by its count, and an object by its number of keys.
 */

/** Strings up to this length are quoted whole. */
export const QUOTED_LENGTH = 160;
/** Lists up to this many entries are quoted entry by entry. */
export const QUOTED_ENTRIES = 5;

const count = (value: number) => value.toLocaleString("en-US");

function quoteString(value: string): string {
  if (value.length <= QUOTED_LENGTH) return JSON.stringify(value);
  // Cut on a code point boundary: half a surrogate pair would show as a replacement character.
  let end = 120;
  const code = value.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end -= 1;
  return `${JSON.stringify(value.slice(0, end))}… (${count(value.length)} characters)`;
}

/** `"abc"`, `"abcd…" (1,048,576 characters)`, `["a", "b"]`, `a list of 100,000 values beginning "a", "b", "c"`. */
export function quoteValue(value: unknown): string {
  if (typeof value === "string") return quoteString(value);
  if (value === undefined) return "nothing";
  if (value === null || typeof value === "number" || typeof value === "boolean") return String(value);
  if (Array.isArray(value)) {
    if (value.length <= QUOTED_ENTRIES) return `[${value.map((entry) => (Array.isArray(entry) ? "a list" : quoteValue(entry))).join(", ")}]`;
    const first = value.slice(0, 3).map((entry) => (Array.isArray(entry) ? "a list" : quoteValue(entry)));
    return `a list of ${count(value.length)} values beginning ${first.join(", ")}`;
  }
  if (typeof value === "object") {
    let keys = 0;
    for (const key in value) if (Object.hasOwn(value, key)) keys += 1;
    return `an object with ${count(keys)} ${keys === 1 ? "key" : "keys"}`;
  }
  return typeof value;
}

const WHITESPACE_NAMES: Readonly<Record<string, string>> = {
  " ": "a space",
  "\t": "a tab",
  "\n": "a line break",
  "\r": "a carriage return",
  "\u00a0": "a no-break space (U+00A0)",
  "\u200b": "a zero-width space (U+200B)",
  "\ufeff": "a byte order mark (U+FEFF)",
};

/** The white space (and zero-width characters) a string starts or ends with, named, or undefined. */
export function describeEdgeWhitespace(value: string): string | undefined {
  const edge = /[\s\u200b-\u200d]/;
  const name = (character: string) => WHITESPACE_NAMES[character] ?? `U+${(character.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")}`;
  const first = value[0];
  const last = value.at(-1);
  const parts: string[] = [];
  if (first !== undefined && edge.test(first)) parts.push(`starts with ${name(first)}`);
  if (value.length > 1 && last !== undefined && edge.test(last)) parts.push(`ends with ${name(last)}`);
  return parts.length > 0 ? parts.join(" and ") : undefined;
}
